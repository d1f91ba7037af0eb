using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser)
{
    [PostgresFact]
    public async Task LoadingDemoDataFromTheButtonFillsTheDashboardLiveAndNothingIsOversold()
    {
        await using UiSession ui = await browser.NewSessionAsync(role: "admin");
        await ui.OpenAsync("#/dashboard");
        await Expect(Stat(ui.Page, "totalOrders")).ToHaveTextAsync("0");

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "加载演示数据" }).ClickAsync();
        await Expect(ui.Page.Locator(".notice.info")).ToContainTextAsync("300 单");
        await ui.WaitUntilSettledAsync(300);

        JsonNode dashboard = await ui.GetAsync("/api/v1/dashboard");
        await Expect(Stat(ui.Page, "totalOrders")).ToHaveTextAsync((300 + UiSession.DemoAfterSalesOrders).ToString(CultureInfo.InvariantCulture));
        await Expect(Stat(ui.Page, "holds")).ToHaveTextAsync(dashboard["holds"]!.ToString());
        foreach ((string status, JsonNode? count) in dashboard["ordersByStatus"]!.AsObject())
        {
            await Expect(ui.Page.Locator($".bars li[data-status='{status}'] .bar-count")).ToHaveTextAsync(count!.ToString());
        }
        foreach ((string code, JsonNode? count) in dashboard["holdsByCode"]!.AsObject())
        {
            await Expect(ui.Page.Locator("tr", new() { Has = ui.Page.Locator($"a[href='#/exceptions?holdCode={code}']") })).ToContainTextAsync(count!.ToString());
        }
        ILocator oversold = ui.Page.Locator("[data-stat='oversold']");
        await Expect(oversold).ToHaveClassAsync(new Regex(@"\bok\b"));
        await Expect(oversold.Locator(".oversold-value")).ToHaveTextAsync("0");
        foreach (JsonNode? pull in dashboard["pulls"]!.AsArray())
        {
            await Expect(ui.Page.Locator($"table.pulls tr[data-channel='{pull!["channel"]}']")).ToContainTextAsync("not configured");
        }
        await Expect(ui.Page.Locator("table.pulls tbody tr")).ToHaveCountAsync(6);
        await Artifacts.ScreenshotAsync(ui.Page, "dashboard");
    }
}
