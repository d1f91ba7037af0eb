using Microsoft.Playwright;

namespace OrderActors.Silo.BrowserTests.Support;

/// <summary>The admin UI's login page (login.html), as a person uses it.</summary>
public static class LoginPage
{
    public static ILocator Error(IPage page) => page.Locator("#sign-in-error");

    public static ILocator SubmitButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "登录 Sign in" });

    /// <summary>Types the user and password and presses 登录 Sign in (once the page has taken the form over).</summary>
    public static async Task SubmitAsync(IPage page, string user, string password)
    {
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await Assertions.Expect(SubmitButton(page)).ToBeEnabledAsync();
        await SubmitButton(page).ClickAsync();
    }
}
