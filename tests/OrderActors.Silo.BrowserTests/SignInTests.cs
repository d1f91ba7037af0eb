using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace OrderActors.Silo.BrowserTests;

/// <summary>Issue 14: the login page, the session, and signing out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [PostgresFact]
    public async Task TheBootstrapAdminSignsInOnTheLoginPageAndLandsOnTheViewItAskedFor()
    {
        string tenant = browser.NewTenant();
        using (HttpClient api = browser.AdminClient(tenant))
        {
            (await api.PostAsJsonAsync("/api/v1/demo", new { orders = 0 })).EnsureSuccessStatusCode();
        }
        await using IBrowserContext context = await browser.NewContextAsync();
        IPage page = await context.NewPageAsync();

        await page.GotoAsync("/#/breakers");

        await Expect(page).ToHaveURLAsync(new Regex("/login\\.html#/breakers$"));
        await LoginPage.SubmitAsync(page, "admin", browser.Silo.AdminPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/#/breakers$"));
        await Expect(page.Locator("#principal .principal-user")).ToHaveTextAsync("admin");
        await Expect(page.Locator("#principal .role[data-role='admin']")).ToHaveTextAsync("管理员");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "加载演示数据" })).ToBeVisibleAsync();
        ILocator picker = page.Locator("#tenant-picker input#tenant");
        await Expect(picker).ToHaveValueAsync("default");
        await Expect(page.Locator(".view .empty")).ToContainTextAsync("尚无仓库");

        await picker.FillAsync(tenant);
        await picker.PressAsync("Enter");

        await Expect(picker).ToHaveValueAsync(tenant);
        await Expect(page.Locator("article.warehouse")).ToHaveCountAsync(6);
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
        await Artifacts.ScreenshotAsync(page, "breaker-board-bootstrap-admin");
    }

    [PostgresFact]
    public async Task AWrongPasswordSaysSoAndStaysOnTheLoginPage()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.Context.ClearCookiesAsync();
        await ui.Page.GotoAsync("/login.html");

        await LoginPage.SubmitAsync(ui.Page, ui.User, "not-the-password");

        await Expect(LoginPage.Error(ui.Page)).ToHaveTextAsync("用户名或密码错误 Wrong user or password");
        await Expect(ui.Page.Locator("#password")).ToHaveValueAsync("");
        await Expect(LoginPage.SubmitButton(ui.Page)).ToBeEnabledAsync();
        Assert.EndsWith("/login.html", ui.Page.Url);
        await Artifacts.ScreenshotAsync(ui.Page, "login-wrong-password");
    }

    [PostgresFact]
    public async Task AUserLockedAfterWrongPasswordsSeesRetryAfterCountDown()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.Context.ClearCookiesAsync();
        await ui.Page.GotoAsync("/login.html");
        int status = 0;
        for (int attempt = 1; status != 429; attempt++)
        {
            Assert.True(attempt <= 20, "twenty wrong passwords in a row never locked the user");
            IResponse answer = await ui.Page.RunAndWaitForResponseAsync(
                () => LoginPage.SubmitAsync(ui.Page, ui.User, "not-the-password"), "**/api/v1/auth/session");
            status = answer.Status;
            if (status == 401)
            {
                await Expect(LoginPage.Error(ui.Page)).ToHaveTextAsync("用户名或密码错误 Wrong user or password");
            }
        }

        int first = await CountdownAsync(ui.Page);
        await Expect(LoginPage.SubmitButton(ui.Page)).ToBeDisabledAsync();
        await Expect(LoginPage.Error(ui.Page)).Not.ToContainTextAsync($"请 {first} 秒后再试", new() { Timeout = 5000 });
        Assert.InRange(await CountdownAsync(ui.Page), 1, first - 1);
        await Expect(LoginPage.SubmitButton(ui.Page)).ToBeDisabledAsync();
        await Artifacts.ScreenshotAsync(ui.Page, "login-locked-countdown");
    }

    [PostgresFact]
    public async Task SigningOutReturnsToTheLoginPageAndTheAppAsksToSignInAgain()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.Page.GotoAsync("/login.html#/orders");
        await Expect(ui.Page).ToHaveURLAsync(new Regex("/#/orders$"));
        await Expect(ui.Page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "退出 Sign out" }).ClickAsync();

        await Expect(ui.Page).ToHaveURLAsync(new Regex("/login\\.html$"));
        Assert.Equal(401, (await ui.Context.APIRequest.GetAsync("/api/v1/auth/me")).Status);
        await ui.Page.GotoAsync("/#/exceptions");
        await Expect(ui.Page).ToHaveURLAsync(new Regex("/login\\.html#/exceptions$"));
        await Expect(LoginPage.SubmitButton(ui.Page)).ToBeEnabledAsync();
    }

    [PostgresFact]
    public async Task WithoutASessionTheAppSendsToTheLoginPageKeepingTheHash()
    {
        await using IBrowserContext context = await browser.NewContextAsync();
        IPage page = await context.NewPageAsync();

        await page.GotoAsync("/#/orders?status=OnHold");

        await Expect(page).ToHaveURLAsync(new Regex("/login\\.html#/orders\\?status=OnHold$"));
        await Expect(page.Locator("#outlet")).ToHaveCountAsync(0);
    }

    [PostgresFact]
    public async Task ASessionThatEndedSendsTheNextCallToTheLoginPageAndSigningInComesBack()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(0);
        await ui.OpenAsync("#/orders");
        await Expect(ui.Page.Locator("select[name='warehouseId'] option")).ToHaveCountAsync(7);

        await ui.Context.ClearCookiesAsync();
        await ui.Page.Locator("select[name='channel']").SelectOptionAsync("jd");

        await Expect(ui.Page).ToHaveURLAsync(new Regex("/login\\.html#/orders\\?channel=jd$"));
        await LoginPage.SubmitAsync(ui.Page, ui.User, BrowserFixture.Password);
        await Expect(ui.Page).ToHaveURLAsync(new Regex("/#/orders\\?channel=jd$"));
        await Expect(ui.Page.Locator("select[name='channel']")).ToHaveValueAsync("jd");
        await Expect(ui.Page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
    }

    /// <summary>The seconds the login page says are left.</summary>
    private static async Task<int> CountdownAsync(IPage page)
    {
        var countdown = new Regex(@"^尝试次数过多，请 (\d+) 秒后再试 Too many attempts: try again in \1 s$");
        await Expect(LoginPage.Error(page)).ToHaveTextAsync(countdown);
        return int.Parse(countdown.Match(await LoginPage.Error(page).TextContentAsync() ?? "").Groups[1].Value);
    }
}
