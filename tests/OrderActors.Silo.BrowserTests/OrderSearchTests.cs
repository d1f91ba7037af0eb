using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace OrderActors.Silo.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class OrderSearchTests(BrowserFixture browser)
{
    [PostgresFact]
    public async Task TheListPagesAndFiltersByChannelAndWarehouseAsTheServerDoes()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        int orders = await ui.SeedDemoAsync(120);
        JsonNode secondPage = await ui.GetAsync("/api/v1/orders?page=2&pageSize=50");
        await ui.OpenAsync("#/orders");
        ILocator rows = ui.Page.Locator("table.orders tbody tr");
        await Expect(rows).ToHaveCountAsync(50);

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "下一页 Next" }).ClickAsync();

        await Expect(ui.Page.Locator(".pager-info")).ToHaveTextAsync($"第 2 / 3 页 · 共 {orders} 单");
        await Expect(rows.First).ToHaveAttributeAsync("data-order", secondPage["items"]![0]!["orderId"]!.ToString());

        await ui.Page.Locator("select[name='channel']").SelectOptionAsync("taobao");
        await ui.Page.Locator("select[name='warehouseId']").SelectOptionAsync("WH-SH");

        JsonNode expected = await ui.GetAsync("/api/v1/orders?channel=taobao&warehouseId=WH-SH&pageSize=50");
        int total = expected["total"]!.GetValue<int>();
        Assert.True(total > 0, "the demo puts taobao orders in WH-SH");
        await Expect(ui.Page.Locator(".pager-info")).ToHaveTextAsync($"第 1 / 1 页 · 共 {total} 单");
        await Expect(rows).ToHaveCountAsync(total);
        foreach (JsonNode? item in expected["items"]!.AsArray())
        {
            await Expect(Locators.OrderRow(ui.Page, item!["orderId"]!.ToString())).ToContainTextAsync("淘宝");
        }
        Assert.EndsWith("#/orders?channel=taobao&warehouseId=WH-SH", ui.Page.Url);
    }
}
