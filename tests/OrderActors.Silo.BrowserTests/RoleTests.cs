using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

/// <summary>Issue 14: the UI offers what the role may do (GET /api/v1/auth/me → permissions), and the server decides.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleTests(BrowserFixture browser)
{
    [PostgresFact]
    public async Task AViewerReadsTheBoardTheQueueAndTheOrdersWithNothingOnOfferToChangeThem()
    {
        await using UiSession ui = await browser.NewSessionAsync(role: "viewer");
        await ui.SeedDemoAsync(60);
        string held = await FirstOrderAsync(ui, "OnHold");
        string allocated = await FirstOrderAsync(ui, "Allocated");

        await ui.OpenAsync("#/breakers");

        await Expect(ui.Page.Locator("article.warehouse")).ToHaveCountAsync(6);
        await Expect(ui.Page.Locator("article.warehouse button")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("#principal .role[data-role='viewer']")).ToHaveTextAsync("只读");
        await Expect(ui.Page.Locator("#demo")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator("#tenant-picker")).ToBeHiddenAsync();
        await Artifacts.ScreenshotAsync(ui.Page, "breaker-board-viewer");

        await ui.OpenAsync("#/exceptions");
        await Expect(OrderRow(ui.Page, held)).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("table.orders button")).ToHaveCountAsync(0);

        await ui.OpenAsync($"#/order/{allocated}");
        await Expect(Stamp(ui.Page, "Allocated")).ToHaveClassAsync("done");
        await Expect(ui.Page.Locator(".view button, .view form")).ToHaveCountAsync(0);

        await ui.OpenAsync($"#/order/{held}");
        await Expect(ui.Page.Locator(".order-status .badge")).ToContainTextAsync("挂起");
        await Expect(ui.Page.Locator(".view button, .view form")).ToHaveCountAsync(0);
    }

    [PostgresFact]
    public async Task AnOperatorShipsAndCancelsFromTheOrderPageAndTheTimelineNamesThem()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(30);
        JsonArray allocated = (await ui.GetAsync("/api/v1/orders?status=Allocated&pageSize=2"))["items"]!.AsArray();
        string toShip = allocated[0]!["orderId"]!.ToString();
        string toCancel = allocated[1]!["orderId"]!.ToString();
        await ui.OpenAsync($"#/order/{toShip}");
        ILocator ship = ui.Page.Locator("form.order-form[data-action='ship']");
        await ship.Locator("input[name='carrier']").FillAsync("SF");
        await ship.Locator("input[name='trackingNo']").FillAsync("SF900800700");

        await ship.GetByRole(AriaRole.Button, new() { Name = "出库 Ship" }).ClickAsync();

        await Expect(Stamp(ui.Page, "Shipped")).ToHaveClassAsync("done");
        await Expect(ship).ToHaveCountAsync(0);
        JsonNode shipped = await ui.GetAsync($"/api/v1/orders/{toShip}");
        Assert.Equal(("Shipped", "SF900800700"), (shipped["status"]!.ToString(), shipped["trackingNo"]!.ToString()));
        Assert.Equal($"operator:{ui.User}", shipped["timeline"]!.AsArray()[^1]!["source"]!.ToString());

        await ui.OpenAsync($"#/order/{toCancel}");
        ui.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync("买家改主意 buyer changed their mind");
        await ui.Page.Locator(".order-status button[data-action='cancel']").ClickAsync();

        await Expect(ui.Page.Locator(".order-status .badge")).ToContainTextAsync("已取消");
        await Expect(ui.Page.Locator(".order-status button")).ToHaveCountAsync(0);
        JsonNode cancelled = await ui.GetAsync($"/api/v1/orders/{toCancel}");
        JsonNode last = cancelled["timeline"]!.AsArray()[^1]!;
        Assert.Equal(("Cancelled", $"operator:{ui.User}", "买家改主意 buyer changed their mind"),
            (cancelled["status"]!.ToString(), last["source"]!.ToString(), last["note"]!.ToString()));
    }

    [PostgresFact]
    public async Task WhatTheServerRefusesTheRoleShowsAsNotAllowedEvenWhenTheUiOffersIt()
    {
        await using UiSession ui = await browser.NewSessionAsync(role: "viewer");
        await ui.SeedDemoAsync(0);
        // The page as if /auth/me had granted the viewer breakers.write: the Trip button is there, the server still refuses.
        await ui.Page.RouteAsync("**/api/v1/auth/me", async route =>
        {
            IAPIResponse real = await route.FetchAsync();
            JsonNode me = JsonNode.Parse(await real.TextAsync())!;
            me["permissions"]!.AsArray().Add("breakers.write");
            await route.FulfillAsync(new() { Response = real, Body = me.ToJsonString() });
        });
        await ui.OpenAsync("#/breakers");
        ILocator card = WarehouseCard(ui.Page, "WH-SH");
        ui.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync("a viewer tries");

        await card.Locator("button[data-action='trip']").ClickAsync();

        ILocator error = ui.Page.Locator(".notice.error");
        await Expect(error).ToContainTextAsync("(403)");
        await Expect(error.Locator(".notice-hint")).ToHaveTextAsync("当前角色无此权限 Your role does not allow this");
        await Expect(card).ToHaveAttributeAsync("data-state", "Closed");
        Assert.Equal("Closed", (await ui.GetAsync("/api/v1/warehouses/WH-SH"))["breaker"]!["state"]!.ToString());
        await Artifacts.ScreenshotAsync(ui.Page, "breaker-board-forbidden");
    }

    [PostgresFact]
    public async Task AnHqUserPicksAmongItsTenantsAndFollowsEachLiveWithoutChangingAnything()
    {
        string north = browser.NewTenant();
        string south = browser.NewTenant();
        string user = $"hq-{north}";
        await browser.PutUserAsync(user, ["hq"], [north, south]);
        await using UiSession ui = await browser.SignedInSessionAsync(user, north);
        int northOrders = await ui.SeedDemoAsync(30);
        using HttpClient southApi = browser.AdminClient(south);
        (await southApi.PostAsJsonAsync("/api/v1/demo", new { orders = 0 })).EnsureSuccessStatusCode();
        await ui.OpenAsync("#/dashboard");
        ILocator picker = ui.Page.Locator("#tenant-picker select#tenant");
        await Expect(picker).ToHaveValueAsync(north);
        await Expect(Stat(ui.Page, "totalOrders")).ToHaveTextAsync(northOrders.ToString(CultureInfo.InvariantCulture));
        await Expect(ui.Page.Locator("#principal .role[data-role='hq']")).ToHaveTextAsync("总部");

        await picker.SelectOptionAsync(south);

        await Expect(picker).ToHaveValueAsync(south);
        await Expect(Stat(ui.Page, "totalOrders")).ToHaveTextAsync("0");
        await Expect(Stat(ui.Page, "openBreakers")).ToHaveTextAsync("0");
        await Expect(ui.Page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
        (await southApi.PostAsJsonAsync("/api/v1/warehouses/WH-HZ/breaker/trip", new { reason = "south power cut" })).EnsureSuccessStatusCode();
        await Expect(Stat(ui.Page, "openBreakers")).ToHaveTextAsync("1");
        await ui.OpenAsync("#/breakers");
        await Expect(WarehouseCard(ui.Page, "WH-HZ")).ToHaveAttributeAsync("data-state", "Open");
        await Expect(ui.Page.Locator("article.warehouse")).ToHaveCountAsync(6);
        await Expect(ui.Page.Locator("article.warehouse button")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("#demo")).ToBeHiddenAsync();
    }

    [PostgresFact]
    public async Task ASupplierSeesOnlyTheOrdersOfTheWarehouseItRunsAndShipsThem()
    {
        string tenant = browser.NewTenant();
        string user = $"supplier-{tenant}";
        await browser.PutUserAsync(user, ["supplier:s1"], [tenant]);
        await using UiSession ui = await browser.SignedInSessionAsync(user, tenant);
        await ui.SeedDemoAsync(60);
        JsonObject warehouse = (await ui.GetAsync("/api/v1/warehouses/WH-SH")).AsObject();
        warehouse["supplierId"] = "s1";
        (await ui.Api.PutAsJsonAsync("/api/v1/warehouses/WH-SH", warehouse)).EnsureSuccessStatusCode();
        JsonNode ours = await ui.GetAsync("/api/v1/orders?warehouseId=WH-SH&pageSize=200");
        int total = ours["total"]!.GetValue<int>();
        string toShip = (await ui.GetAsync("/api/v1/orders?warehouseId=WH-SH&status=Allocated&pageSize=1"))["items"]![0]!["orderId"]!.ToString();
        string elsewhere = (await ui.GetAsync("/api/v1/orders?status=Allocated&pageSize=200"))["items"]!.AsArray()
            .First(o => !o!["warehouseIds"]!.AsArray().Any(w => w!.ToString() == "WH-SH"))!["orderId"]!.ToString();

        await ui.Page.GotoAsync("/");

        await Expect(ui.Page.Locator(".view[data-view='orders'] .pager-info")).ToContainTextAsync($"共 {total} 单");
        ILocator rows = ui.Page.Locator("table.orders tbody tr");
        await Expect(rows).ToHaveCountAsync(Math.Min(total, 50));
        Assert.All(await rows.EvaluateAllAsync<string[]>("rows => rows.map((r) => r.dataset.order)"),
            id => Assert.Contains(ours["items"]!.AsArray(), o => o!["orderId"]!.ToString() == id));
        await Expect(ui.Page.Locator("nav a:visible")).ToHaveTextAsync(["订单 Orders"]);
        await Expect(ui.Page.Locator("#live")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator("select[name='warehouseId']")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("#principal .role[data-role='supplier:s1']")).ToHaveTextAsync("供应商 s1");

        await ui.Page.GotoAsync($"/#/order/{toShip}");
        ILocator ship = ui.Page.Locator("form.order-form[data-action='ship']");
        await ship.Locator("input[name='carrier']").FillAsync("YTO");
        await ship.Locator("input[name='trackingNo']").FillAsync("YT123123123");
        await Expect(ui.Page.Locator(".order-status button")).ToHaveCountAsync(0);
        await ship.GetByRole(AriaRole.Button, new() { Name = "出库 Ship" }).ClickAsync();
        await Expect(Stamp(ui.Page, "Shipped")).ToHaveClassAsync("done");
        Assert.Equal("Shipped", (await ui.GetAsync($"/api/v1/orders/{toShip}"))["status"]!.ToString());

        await ui.Page.GotoAsync($"/#/order/{elsewhere}");
        await Expect(ui.Page.Locator(".view .empty")).ToContainTextAsync("找不到订单");
    }

    [PostgresFact]
    public async Task AConnectorsAccountSignedInFindsNoViewsAndNoEventStream()
    {
        string tenant = browser.NewTenant();
        string user = $"connector-{tenant}";
        await browser.PutUserAsync(user, ["connector:taobao"], [tenant]);
        await using UiSession ui = await browser.SignedInSessionAsync(user, tenant);
        var calls = new List<string>();
        ui.Page.Request += (_, request) => calls.Add(new Uri(request.Url).AbsolutePath);

        await ui.Page.GotoAsync("/#/breakers");

        await Expect(ui.Page.Locator("#outlet .empty")).ToContainTextAsync("此账号不使用管理界面");
        await Expect(ui.Page.Locator("nav a:visible")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("#live")).ToBeHiddenAsync();
        await Expect(ui.Page.GetByRole(AriaRole.Button, new() { Name = "退出 Sign out" })).ToBeVisibleAsync();
        Assert.Equal(["/api/v1/auth/me"], calls.Where(path => path.StartsWith("/api/", StringComparison.Ordinal)));
    }

    private static async Task<string> FirstOrderAsync(UiSession ui, string status) =>
        (await ui.GetAsync($"/api/v1/orders?status={status}&pageSize=1"))["items"]![0]!["orderId"]!.ToString();
}
