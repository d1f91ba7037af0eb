using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderActors.Testing;
using OrderActors.Silo.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;
using static OrderActors.Silo.BrowserTests.Support.Locators;

namespace OrderActors.Silo.BrowserTests;

/// <summary>Issue 15: the 售后 screens — a return started on the order page, moved on the RMA page, followed in the queue.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnFlowTests(BrowserFixture browser)
{
    // A demo with orders places its two delivered after-sales orders beside them; one other order is enough here.
    private const int DemoOrders = 1;

    /// <summary>The API's refund figures and the words the page puts beside each.</summary>
    private static readonly (string Key, string Label)[] RefundFigures =
    [
        ("goodsFen", "商品 Goods"), ("couponReturnFen", "优惠券退回"), ("giftDeductionFen", "赠品扣减"), ("couponClawbackFen", "优惠追回"),
        ("shippingFen", "运费 Shipping"), ("totalFen", "买家实退"), ("insuranceFen", "运费险"),
    ];

    [PostgresFact]
    public async Task AnOperatorReturnsTheGoodsOfACouponAndGiftOrderFromItsPageThroughToTheRefundAndTheQueueFollowsLive()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(DemoOrders);
        ReturnableOrder order = await Returns.WithGiftAsync(ui);

        string rmaId = await StartFromOrderPageAsync(ui, order, "收到时外包装盒子压坏了，里面的东西也摔坏了", insurance: "12.50");

        JsonNode requested = await ui.GetAsync($"/api/v1/returns/{rmaId}");
        Assert.Equal(("Requested", 1250L), (requested["status"]!.ToString(), requested["refund"]!["insuranceFen"]!.GetValue<long>()));
        Assert.Equal(order.Units.Sum(u => u.Quantity), requested["lines"]!.AsArray().Sum(l => l!["quantity"]!.GetValue<int>()));
        await ExpectRefundAsync(ui.Page, requested);
        await ExpectReasonAsync(ui.Page, requested);
        await Expect(ui.Page.Locator(".return-address .address-text")).ToHaveTextAsync(requested["returnAddress"]!["text"]!.ToString());
        await ExpectQrLoadedAsync(ui.Page);
        await Expect(RefundFigure(ui.Page, "giftDeductionFen")).Not.ToHaveTextAsync("¥0.00");
        await ScreenshotAsync(ui.Page, "rma-requested");

        await RmaCommand(ui.Page, "approve").ClickAsync();

        await Expect(RmaStatus(ui.Page)).ToContainTextAsync("已同意");
        await Expect(RmaCommand(ui.Page, "approve")).ToHaveCountAsync(0);
        ILocator receive = ui.Page.Locator("form[data-action='receive']");
        (string goodSku, string damagedSku) = order.Units.Count == 1 ? (order.Units[0].Sku, order.Units[0].Sku) : (order.Units[0].Sku, order.Units[1].Sku);
        await receive.Locator("input[name^='good-']").First.FillAsync("0");
        await receive.Locator("input[name^='good-']").Last.FillAsync("0");
        await receive.Locator($"tr[data-sku='{goodSku}'] input[name^='good-']").FillAsync("1");
        await receive.Locator($"tr[data-sku='{damagedSku}'] input[name^='damaged-']").FillAsync("1");

        await receive.GetByRole(AriaRole.Button, new() { Name = "确认收货 Receive" }).ClickAsync();

        await Expect(RmaStatus(ui.Page)).ToContainTextAsync("已收货");
        JsonNode received = await ui.GetAsync($"/api/v1/returns/{rmaId}");
        Assert.Equal((1, 1), (
            received["lines"]!.AsArray().Sum(l => l!["receivedQuantity"]!.GetValue<int>()),
            received["lines"]!.AsArray().Sum(l => l!["damagedQuantity"]!.GetValue<int>())));
        foreach (JsonNode? line in received["lines"]!.AsArray())
        {
            ILocator row = ui.Page.Locator($".rma-lines tr[data-line='{line!["lineNo"]}']");
            await Expect(row.Locator("[data-field='received']")).ToHaveTextAsync(line["receivedQuantity"]!.ToString());
            await Expect(row.Locator("[data-field='damaged']")).ToHaveTextAsync(line["damagedQuantity"]!.ToString());
            await Expect(row.Locator("[data-field='warehouse']")).ToHaveTextAsync(line["warehouseId"]?.ToString() ?? "—");
        }
        await ExpectRefundAsync(ui.Page, received);
        ui.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await RmaCommand(ui.Page, "refund").ClickAsync();

        await Expect(RmaStatus(ui.Page)).ToContainTextAsync("已退款");
        JsonNode refunded = await ui.GetAsync($"/api/v1/returns/{rmaId}");
        Assert.Equal("Refunded", refunded["status"]!.ToString());
        await ExpectRefundAsync(ui.Page, refunded);
        string corrected = refunded["reasonCode"]!.ToString() == "质量问题" ? "发错货" : "质量问题";
        await ui.Page.Locator("form[data-action='reason'] select[name='reasonCode']").SelectOptionAsync(corrected);

        await ui.Page.Locator("form[data-action='reason']").GetByRole(AriaRole.Button, new() { Name = "更正原因 Correct" }).ClickAsync();

        await Expect(ui.Page.Locator(".rma-reason .reason-code")).ToHaveTextAsync(corrected);
        await Expect(ui.Page.Locator(".rma-reason .reason-source")).ToHaveAttributeAsync("data-source", "operator");
        JsonNode correctedRma = await ui.GetAsync($"/api/v1/returns/{rmaId}");
        Assert.Equal((corrected, "operator"), (correctedRma["reasonCode"]!.ToString(), correctedRma["reasonSource"]!.ToString()));
        await ExpectTimelineAsync(ui.Page, correctedRma);
        await ScreenshotAsync(ui.Page, "rma-refunded");

        await ui.OpenAsync("#/returns");
        JsonNode counts = await ui.GetAsync("/api/v1/returns/counts");
        long refundedCount = counts["byStatus"]!["Refunded"]!.GetValue<long>();
        long closedCount = counts["byStatus"]!["Closed"]!.GetValue<long>();
        Assert.True(refundedCount >= 1, counts.ToJsonString());
        await Expect(StatusTab(ui.Page, "Refunded")).ToHaveAttributeAsync("data-count", refundedCount.ToString(CultureInfo.InvariantCulture));
        await Expect(RmaRow(ui.Page, rmaId).Locator(".badge")).ToContainTextAsync("已退款");
        await ui.Page.Locator("select[name='reasonCode']").SelectOptionAsync(corrected);
        await Expect(ui.Page).ToHaveURLAsync(new Regex("#/returns\\?reasonCode="));
        await Expect(RmaRow(ui.Page, rmaId)).ToBeVisibleAsync();
        await Expect(ui.Page.Locator($"select[name='reasonCode'] option[value='{corrected}']"))
            .ToHaveTextAsync($"{corrected} ({counts["byReason"]![corrected]!.GetValue<long>()})");
        await ScreenshotAsync(ui.Page, "rma-queue");

        await ui.PostAsync($"/api/v1/returns/{rmaId}/close", new { });

        await Expect(StatusTab(ui.Page, "Refunded")).ToHaveAttributeAsync("data-count", (refundedCount - 1).ToString(CultureInfo.InvariantCulture));
        await Expect(StatusTab(ui.Page, "Closed")).ToHaveAttributeAsync("data-count", (closedCount + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(RmaRow(ui.Page, rmaId).Locator(".badge")).ToContainTextAsync("已关闭");
    }

    [PostgresFact]
    public async Task ReturningOneOfTwoCouponedUnitsFromTheOrderPageShowsTheRefundAsQuotedAndTheOrderListsTheReturn()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(DemoOrders);
        ReturnableOrder order = await Returns.OneOfTwoAsync(ui);

        string rmaId = await StartFromOrderPageAsync(ui, order, "颜色和图片差太多了");

        JsonNode rma = await ui.GetAsync($"/api/v1/returns/{rmaId}");
        Assert.Equal(1, rma["lines"]!.AsArray().Sum(l => l!["quantity"]!.GetValue<int>()));
        Assert.True(rma["refund"]!["couponReturnFen"]!.GetValue<long>() > 0, rma["refund"]!.ToJsonString());
        await ExpectRefundAsync(ui.Page, rma);
        await ExpectReasonAsync(ui.Page, rma);
        await ExpectTimelineAsync(ui.Page, rma);

        await ui.Page.Locator(".rma-status .rma-order a").ClickAsync();

        await Expect(ui.Page.Locator(".order-status .badge")).ToContainTextAsync("退货中");
        ILocator listed = ui.Page.Locator($".order-returns tr[data-rma='{rmaId}']");
        await Expect(listed.Locator("a")).ToHaveAttributeAsync("href", $"#/rma/{rmaId}");
        await Expect(listed.Locator(".badge")).ToContainTextAsync("待审核");
        await Expect(listed.Locator("td.num")).ToHaveTextAsync(Returns.Yuan(rma["refund"]!["totalFen"]));
    }

    [PostgresFact]
    public async Task AViewerReadsTheRmaItsOrderAndTheQueueWithNothingOnOfferToChangeThem()
    {
        await using UiSession ui = await browser.NewSessionAsync(role: "viewer");
        await ui.SeedDemoAsync(DemoOrders);
        ReturnableOrder order = await Returns.OneOfTwoAsync(ui);
        string rmaId = (await Returns.StartAsync(ui, order, "颜色和图片差太多了"))["rmaId"]!.ToString();

        await ui.OpenAsync($"#/rma/{rmaId}");

        await Expect(RmaStatus(ui.Page)).ToContainTextAsync("待审核");
        await Expect(ui.Page.Locator(".refund-breakdown")).ToBeVisibleAsync();
        await ExpectQrLoadedAsync(ui.Page);
        await Expect(ui.Page.Locator(".view button, .view form, .view select")).ToHaveCountAsync(0);
        await ScreenshotAsync(ui.Page, "rma-viewer");

        await ui.OpenAsync($"#/order/{order.OrderId}");
        await Expect(ui.Page.Locator($".order-returns tr[data-rma='{rmaId}'] a")).ToHaveAttributeAsync("href", $"#/rma/{rmaId}");
        await Expect(ui.Page.Locator(".view button, .view form")).ToHaveCountAsync(0);

        await ui.OpenAsync("#/returns");
        await Expect(RmaRow(ui.Page, rmaId)).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("table.returns button")).ToHaveCountAsync(0);
    }

    [PostgresFact]
    public async Task AMoveTheRmaNoLongerTakesShowsTheServersDetailAndTheStatusItIsInNowThenReloads()
    {
        await using UiSession ui = await browser.NewSessionAsync();
        await ui.SeedDemoAsync(DemoOrders);
        string rmaId = (await Returns.StartAsync(ui, await Returns.OneOfTwoAsync(ui), "不想要了"))["rmaId"]!.ToString();
        // Without the event stream the page cannot learn of the rejection below: it still offers 同意 Approve.
        await ui.Page.RouteAsync("**/api/v1/events**", route => route.AbortAsync());
        await ui.Page.GotoAsync($"/#/rma/{rmaId}");
        await Expect(RmaCommand(ui.Page, "approve")).ToBeVisibleAsync();
        await ui.PostAsync($"/api/v1/returns/{rmaId}/reject", new { note = "someone else said no" });

        await RmaCommand(ui.Page, "approve").ClickAsync();

        ILocator error = ui.Page.Locator(".notice.error");
        await Expect(error).ToContainTextAsync("(409)");
        await Expect(error.Locator(".notice-detail")).ToContainTextAsync("当前状态 Current status: 已拒绝 Rejected");
        await Expect(RmaStatus(ui.Page)).ToContainTextAsync("已拒绝");
        await Expect(RmaCommand(ui.Page, "approve")).ToHaveCountAsync(0);
        await Expect(RmaCommand(ui.Page, "close")).ToBeVisibleAsync();
        Assert.Equal("Rejected", (await ui.GetAsync($"/api/v1/returns/{rmaId}"))["status"]!.ToString());
    }

    /// <summary>Fills 发起售后 on the order page (a return of the order's units) and answers the RMA id the page went to.</summary>
    private static async Task<string> StartFromOrderPageAsync(UiSession ui, ReturnableOrder order, string reasonText, string? insurance = null)
    {
        await ui.OpenAsync($"#/order/{order.OrderId}");
        ILocator start = ui.Page.Locator("form[data-action='start-return']");
        foreach ((string sku, int quantity) in order.Units)
        {
            await start.Locator($"tr[data-sku='{sku}'] input[type='number']").FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
        }
        await start.Locator("select[name='kind']").SelectOptionAsync("return");
        await start.Locator("textarea[name='reasonText']").FillAsync(reasonText);
        if (insurance is not null)
        {
            await start.Locator("input[name='shippingInsurance']").FillAsync(insurance);
        }

        await start.GetByRole(AriaRole.Button, new() { Name = "发起售后 Start return" }).ClickAsync();

        await Expect(ui.Page).ToHaveURLAsync(new Regex($"#/rma/{Regex.Escape(order.OrderId)}-R\\d+$"));
        await Expect(RmaStatus(ui.Page)).ToContainTextAsync("待审核");
        return Uri.UnescapeDataString(new Uri(ui.Page.Url).Fragment["#/rma/".Length..]);
    }

    /// <summary>A screenshot without the notices, which would cover the commands.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.Locator(".notice").EvaluateAllAsync<bool>("notices => { notices.forEach((n) => n.remove()); return true; }");
        await Artifacts.ScreenshotAsync(page, name);
    }

    /// <summary>Every figure of the breakdown, 运费险 apart, each line's share and every sentence, exactly as the API quoted them.</summary>
    private static async Task ExpectRefundAsync(IPage page, JsonNode rma)
    {
        JsonNode refund = rma["refund"]!;
        foreach ((string key, string label) in RefundFigures)
        {
            await Expect(page.Locator($".refund [data-refund='{key}']")).ToContainTextAsync(label);
            await Expect(RefundFigure(page, key)).ToHaveTextAsync(Returns.Yuan(refund[key]));
        }
        foreach (JsonNode? line in refund["lines"]!.AsArray())
        {
            ILocator cells = page.Locator($".refund-lines tr[data-line='{line!["lineNo"]}'] td");
            await Expect(cells).ToHaveTextAsync([
                line["lineNo"]!.ToString(), line["sku"]!.ToString(), line["quantity"]!.ToString(),
                Returns.Yuan(line["paidFen"]), Returns.Yuan(line["couponShareFen"]), Returns.Yuan(line["refundFen"]),
            ]);
        }
        string[] explanation = refund["explanation"]!.AsArray().Select(s => s!.ToString()).ToArray();
        Assert.NotEmpty(explanation);
        await Expect(page.Locator(".refund-explanation li")).ToHaveTextAsync(explanation);
    }

    private static async Task ExpectReasonAsync(IPage page, JsonNode rma)
    {
        await Expect(page.Locator(".rma-reason .reason-code")).ToHaveTextAsync(rma["reasonCode"]!.ToString());
        await Expect(page.Locator(".rma-reason .reason-source")).ToHaveAttributeAsync("data-source", rma["reasonSource"]!.ToString());
        await Expect(page.Locator(".rma-reason .model-version")).ToHaveTextAsync(rma["modelVersion"]!.ToString());
        string shown = (await page.Locator(".rma-reason .confidence").TextContentAsync())!;
        double percent = double.Parse(shown.TrimEnd('%'), CultureInfo.InvariantCulture);
        Assert.InRange(percent, (rma["reasonConfidence"]!.GetValue<double>() * 100) - 0.05, (rma["reasonConfidence"]!.GetValue<double>() * 100) + 0.05);
    }

    private static async Task ExpectTimelineAsync(IPage page, JsonNode rma)
    {
        JsonArray timeline = rma["timeline"]!.AsArray();
        await Expect(page.Locator(".timeline li time")).ToHaveTextAsync(timeline.Select(t => Returns.ChinaTime(t!["at"])).ToArray());
        await Expect(page.Locator(".timeline li")).ToHaveCountAsync(timeline.Count);
    }

    private static async Task ExpectQrLoadedAsync(IPage page)
    {
        ILocator qr = page.Locator(".return-address img.qr");
        await Expect(qr).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('.return-address img.qr'); return img.complete && img.naturalWidth > 0; }");
    }
}
