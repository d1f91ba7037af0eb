using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

/// <summary>Issue 14: the admin UI works under a Content-Security-Policy without inline script or style.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    [PostgresFact]
    public async Task SigningInAndEveryViewRunUnderThePolicyWithoutAViolation()
    {
        string tenant = browser.NewTenant();
        string user = $"operator-{tenant}";
        await browser.PutUserAsync(user, ["operator"], [tenant]);
        IBrowserContext context = await browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        await using var ui = new UiSession(context, page, browser.AdminClient(tenant), tenant, user);
        var violations = new List<string>();
        await context.ExposeFunctionAsync("reportViolation", (string violation) =>
        {
            lock (violations)
            {
                violations.Add(violation);
            }
        });
        // Playwright's init scripts are not the page's, so the policy does not apply to this listener itself.
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', (e) =>
              window.reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        page.PageError += (_, error) =>
        {
            lock (violations)
            {
                violations.Add($"page error: {error}");
            }
        };
        int orders = await ui.SeedDemoAsync(60);

        IResponse? index = await page.GotoAsync("/#/dashboard");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\.html#/dashboard$"));
        IAPIResponse login = await context.APIRequest.GetAsync("/login.html");
        await LoginPage.SubmitAsync(page, user, BrowserFixture.Password);

        Assert.Equal(Policy, await index!.HeaderValueAsync("content-security-policy"));
        Assert.Equal(Policy, login.Headers["content-security-policy"]);
        await Expect(Stat(page, "totalOrders")).ToHaveTextAsync(orders.ToString(CultureInfo.InvariantCulture));
        // A refused width leaves every fill as wide as its track; the demo's statuses are not all equally many.
        Assert.True(await page.Locator(".bars .bar-fill").EvaluateAllAsync<bool>(
                "fills => fills.some((f) => f.getBoundingClientRect().width < f.parentElement.getBoundingClientRect().width - 1)"),
            "every status bar is full: their widths were refused");
        await ui.OpenAsync("#/breakers");
        await Expect(page.Locator("article.warehouse")).ToHaveCountAsync(6);
        await ui.OpenAsync("#/exceptions");
        await Expect(page.Locator("table.orders button[data-action='release']").First).ToBeVisibleAsync();
        await ui.OpenAsync("#/orders");
        await Expect(page.Locator("table.orders tbody tr")).ToHaveCountAsync(50);
        string allocated = (await ui.GetAsync("/api/v1/orders?status=Allocated&pageSize=1"))["items"]![0]!["orderId"]!.ToString();
        await ui.OpenAsync($"#/order/{allocated}");
        await Expect(page.Locator("form.order-form[data-action='ship']")).ToBeVisibleAsync();
        ReturnableOrder returnable = await Returns.OneOfTwoAsync(ui);
        await ui.OpenAsync($"#/order/{returnable.OrderId}");
        await Expect(page.Locator("form[data-action='start-return']")).ToBeVisibleAsync();
        string rmaId = (await Returns.StartAsync(ui, returnable, "包装破损"))["rmaId"]!.ToString();
        await ui.OpenAsync("#/returns");
        await Expect(RmaRow(page, rmaId)).ToBeVisibleAsync();
        await ui.OpenAsync($"#/rma/{rmaId}");
        await Expect(page.Locator(".rma-status button[data-action='approve']")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('.return-address img.qr')?.naturalWidth > 0");
        using (HttpResponseMessage channel = await ui.Api.PutAsJsonAsync("/api/v1/notification-channels/ops-wecom",
            new { kind = "wecom", url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", events = new[] { "*" } }))
        {
            channel.EnsureSuccessStatusCode();
        }
        await ui.OpenAsync("#/notifications");
        await Expect(page.Locator("table.channels tr[data-channel='ops-wecom']")).ToBeVisibleAsync();
        await page.Locator("table.channels button[data-action='edit']").ClickAsync();
        await Expect(page.Locator("form[data-action='set-channel'] .form-hint")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出 Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login\\.html$"));

        lock (violations)
        {
            Assert.Empty(violations);
        }
    }
}
