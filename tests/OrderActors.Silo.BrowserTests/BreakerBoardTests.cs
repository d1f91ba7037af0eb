using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class BreakerBoardTests(BrowserFixture browser)
{
    private static readonly string[] DemoWarehouses = ["WH-HZ", "WH-SH", "WH-NJ", "WH-BJ", "WH-GZ", "WH-CD"];

    [PostgresFact]
    public async Task TrippingAWarehouseReroutesItsOrdersAndAnOpenDashboardFollowsLive()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(120);
        string warehouse = await BusiestWarehouseAsync(ui);
        await using UiSession watcher = await browser.NewSessionAsync(ui.Tenant, "viewer");
        await watcher.OpenAsync("#/dashboard");
        await Expect(Stat(watcher.Page, "openBreakers")).ToHaveTextAsync("0");
        await Expect(Stat(watcher.Page, "reroutes")).ToHaveTextAsync("0");
        await ui.OpenAsync("#/breakers");
        ILocator card = WarehouseCard(ui.Page, warehouse);
        await Expect(card).ToHaveAttributeAsync("data-state", "Closed");
        string? promptType = null;
        ui.Page.Dialog += async (_, dialog) =>
        {
            promptType = dialog.Type;
            await dialog.AcceptAsync("冷库温度超标 cold room too warm");
        };

        await card.Locator("button[data-action='trip']").ClickAsync();

        await Expect(card).ToHaveAttributeAsync("data-state", "Open");
        await Expect(card.Locator(".trip-outcome")).ToBeVisibleAsync();
        int rerouted = int.Parse(await card.Locator(".trip-outcome").GetAttributeAsync("data-rerouted") ?? "");
        JsonNode saved = await ui.GetAsync($"/api/v1/warehouses/{warehouse}");
        Assert.Equal("prompt", promptType);
        Assert.True(rerouted > 0, $"the busiest warehouse {warehouse} had allocated orders, yet none was rerouted");
        Assert.Equal(("Open", "冷库温度超标 cold room too warm"), (saved["breaker"]!["state"]!.ToString(), saved["breaker"]!["reason"]!.ToString()));
        Assert.Equal(rerouted, saved["reroutedOrders"]!.GetValue<int>());
        await Expect(card.Locator(".trip-outcome .rerouted")).ToHaveTextAsync(rerouted.ToString());
        await Expect(card).ToContainTextAsync("冷库温度超标 cold room too warm");
        await Expect(card.Locator("button[data-action='trip']")).ToBeDisabledAsync();
        await Artifacts.ScreenshotAsync(ui.Page, "breaker-board-after-trip");
        await Expect(Stat(watcher.Page, "openBreakers")).ToHaveTextAsync("1");
        await Expect(Stat(watcher.Page, "reroutes")).ToHaveTextAsync(rerouted.ToString());
    }

    [PostgresFact]
    public async Task ResettingAnOpenBreakerClosesIt()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(0);
        await ui.PostAsync("/api/v1/warehouses/WH-NJ/breaker/trip", new { reason = "power cut" });
        await ui.OpenAsync("#/breakers");
        ILocator card = WarehouseCard(ui.Page, "WH-NJ");
        await Expect(card).ToHaveAttributeAsync("data-state", "Open");

        await card.Locator("button[data-action='reset']").ClickAsync();

        await Expect(card).ToHaveAttributeAsync("data-state", "Closed");
        await Expect(card.Locator("button[data-action='reset']")).ToBeDisabledAsync();
        Assert.Equal("Closed", (await ui.GetAsync("/api/v1/warehouses/WH-NJ"))["breaker"]!["state"]!.ToString());
    }

    [PostgresFact]
    public async Task ServerTextIsShownAsTextNeverAsMarkup()
    {
        const string reason = "<img src=x onerror=\"document.body.dataset.injected=1\"><b>flood</b>";
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(0);
        await ui.PostAsync("/api/v1/warehouses/WH-GZ/breaker/trip", new { reason });

        await ui.OpenAsync("#/breakers");

        ILocator card = WarehouseCard(ui.Page, "WH-GZ");
        await Expect(card).ToContainTextAsync(reason);
        await Expect(card.Locator("img, b")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("body")).Not.ToHaveAttributeAsync("data-injected", "1");
    }

    /// <summary>The demo warehouse holding the most allocated orders, so that its trip has orders to move.</summary>
    private static async Task<string> BusiestWarehouseAsync(UiSession ui)
    {
        var allocated = new Dictionary<string, long>();
        foreach (string warehouse in DemoWarehouses)
        {
            JsonNode page = await ui.GetAsync($"/api/v1/orders?status=Allocated&warehouseId={warehouse}&pageSize=1");
            allocated[warehouse] = page["total"]!.GetValue<long>();
        }
        return allocated.MaxBy(pair => pair.Value).Key;
    }
}
