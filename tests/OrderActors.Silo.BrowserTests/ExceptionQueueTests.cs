using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ExceptionQueueTests(BrowserFixture browser)
{
    [PostgresFact]
    public async Task ReleasingAHoldResumesTheOrderAndNamesTheSignedInOperatorOnItsTimeline()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(60);
        long held = (await ui.GetAsync("/api/v1/orders?status=OnHold&holdCode=invalid_phone"))["total"]!.GetValue<long>();
        await ui.OpenAsync("#/exceptions");
        await ui.Page.Locator("select[name='holdCode']").SelectOptionAsync("invalid_phone");
        ILocator rows = ui.Page.Locator("table.orders tbody tr");
        await Expect(rows).ToHaveCountAsync((int)held);
        string orderId = (await rows.First.GetAttributeAsync("data-order"))!;

        await OrderRow(ui.Page, orderId).Locator("button[data-action='release']").ClickAsync();

        await Expect(ui.Page.Locator(".notice.info")).ToContainTextAsync($"{orderId} 已放行");
        await Expect(OrderRow(ui.Page, orderId)).ToHaveCountAsync(0);
        await Expect(rows).ToHaveCountAsync((int)held - 1);
        JsonNode order = await ui.GetAsync($"/api/v1/orders/{orderId}");
        Assert.Equal("Allocated", order["status"]!.ToString());
        Assert.Contains(order["timeline"]!.AsArray(), entry =>
            entry!["source"]!.ToString() == $"operator:{ui.User}" && entry["note"]!.ToString().Contains("released invalid_phone", StringComparison.Ordinal));
    }
}
