using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OrderPageTests(BrowserFixture browser)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [PostgresFact]
    public async Task AnOrderFoundBySearchShowsItsStampsAndTheNextOneArrivesLive()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(30);
        string orderId = (await ui.GetAsync("/api/v1/orders?status=Allocated&pageSize=1"))["items"]![0]!["orderId"]!.ToString();
        await ui.PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "SF", trackingNo = "SF100200300" });
        JsonNode inTransit = await ui.PostAsync("/api/v1/carriers/SF/tracking", new { trackingNo = "SF100200300", @event = "in_transit" });
        await ui.OpenAsync("#/orders");
        await ui.Page.Locator("select[name='status']").SelectOptionAsync("InTransit");
        await Expect(ui.Page.Locator("table.orders tbody tr")).ToHaveCountAsync(1);

        await OrderRow(ui.Page, orderId).GetByRole(AriaRole.Link, new() { Name = orderId }).ClickAsync();

        await Expect(ui.Page.Locator(".view-head h1")).ToContainTextAsync(orderId);
        foreach (string status in new[] { "Paid", "Allocated", "Shipped", "InTransit" })
        {
            await Expect(Stamp(ui.Page, status)).ToHaveClassAsync("done");
            await Expect(Stamp(ui.Page, status).Locator("time")).ToHaveTextAsync(StampTime(inTransit, status));
        }
        await Expect(Stamp(ui.Page, "Allocated")).ToContainTextAsync("已分仓");
        await Expect(Stamp(ui.Page, "Shipped")).ToContainTextAsync("已出库");
        await Expect(Stamp(ui.Page, "InTransit")).ToContainTextAsync("在途");
        await Expect(Stamp(ui.Page, "Delivered")).ToHaveClassAsync("pending");
        await Expect(ui.Page.Locator(".summary")).ToContainTextAsync("SF SF100200300");
        string warehouse = inTransit["lines"]![0]!["allocations"]![0]!["warehouseId"]!.ToString();
        await Expect(ui.Page.Locator("table.lines")).ToContainTextAsync(warehouse);
        await Expect(ui.Page.Locator(".explanation")).ToContainTextAsync("Outcome");

        JsonNode delivered = await ui.PostAsync("/api/v1/carriers/SF/tracking", new { trackingNo = "SF100200300", @event = "delivered" });

        await Expect(Stamp(ui.Page, "Delivered")).ToHaveClassAsync("done");
        await Expect(Stamp(ui.Page, "Delivered").Locator("time")).ToHaveTextAsync(StampTime(delivered, "Delivered"));
        await Expect(ui.Page.Locator(".order-status .badge")).ToContainTextAsync("已签收");
    }

    /// <summary>The latest timeline entry of a status, as the page shows it: the browser runs in Asia/Shanghai.</summary>
    private static string StampTime(JsonNode order, string status)
    {
        DateTimeOffset at = order["timeline"]!.AsArray().Last(e => e!["status"]!.ToString() == status)!["at"]!.GetValue<DateTimeOffset>();
        return TimeZoneInfo.ConvertTime(at, Shanghai).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
