using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderActors.Cli.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Cli.Tests;

/// <summary>orderactors return … against the real silo (issue 15): a return's whole life, its refund, and its failures.</summary>
[Collection(SiloCollection.Name)]
public sealed partial class ReturnCommandTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task AReturnGoesFromRequestToClosedThroughTheCli()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        Shipped order = await ShippedOrderAsync(demo);

        CliRun created = await demo.RunAsync("return", "create", order.OrderId, "--kind", "return", "--line", $"{order.Sku}:{order.Quantity}", "--reason", "盒子压坏了，里面的东西也碎了");
        Assert.True(created.ExitCode == 0, created.ToString());
        string rmaId = created.Field("RMA 售后单");
        CliRun listed = await demo.RunAsync("return", "list", "--order", order.OrderId);
        CliRun approved = await demo.RunAsync("return", "approve", rmaId, "--note", "照片已核实");
        CliRun received = await demo.RunAsync("return", "receive", rmaId, "--line", $"{order.Sku}:{order.Quantity - 1}:1", "--note", "一件外盒破损");
        CliRun refunded = await demo.RunAsync("return", "refund", rmaId);
        CliRun closed = await demo.RunAsync("return", "close", rmaId);

        Assert.StartsWith($"{order.OrderId}-R", rmaId, StringComparison.Ordinal);
        Assert.Equal(("return 退货退款", "Requested 待审核", "approve, reject"), (created.Field("Kind 类型"), created.Field("Status 状态"), created.Field("Next 下一步")));
        Assert.Equal([$"{order.Quantity}", "0", "0"], created.Row(order.Sku)[2..5]);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal([rmaId, order.OrderId, "return 退货退款", "Requested 待审核"], listed.Row(rmaId)[..4]);
        Assert.Equal("Page 1/1 · 1 returns", listed.OutputLines[^1]);
        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.Equal("Approved 已同意", approved.Field("Status 状态"));
        Assert.Contains(Section(approved, "Timeline 时间线"), l => l.Contains("照片已核实", StringComparison.Ordinal));
        Assert.True(received.ExitCode == 0, received.ToString());
        Assert.Equal(("Received 已收货", "refund"), (received.Field("Status 状态"), received.Field("Next 下一步")));
        Assert.Equal([$"{order.Quantity}", $"{order.Quantity - 1}", "1"], received.Row(order.Sku)[2..5]);
        Assert.True(refunded.ExitCode == 0, refunded.ToString());
        Assert.Equal("Refunded 已退款", refunded.Field("Status 状态"));
        JsonNode rma = await demo.GetAsync($"/api/v1/returns/{rmaId}");
        long total = rma["refund"]!["totalFen"]!.GetValue<long>();
        Assert.True(total > 0, rma.ToJsonString());
        Assert.Equal(Yuan(total), refunded.Field("Total 退款合计"));
        Assert.Equal(Yuan(total), refunded.Field("Refund 退款"));
        Assert.Equal(Yuan(rma["refund"]!["goodsFen"]!.GetValue<long>()), refunded.Field("Goods 商品"));
        Assert.Equal(rma["returnAddress"]!["text"]!.GetValue<string>(), created.Field("Return to 退货地址"));
        Assert.Equal(
            rma["refund"]!["explanation"]!.AsArray().Select(e => $"- {e!.GetValue<string>()}"),
            Section(refunded, "How the refund was worked out 退款说明"));
        Assert.True(closed.ExitCode == 0, closed.ToString());
        Assert.Equal(("Closed 已关闭", "none 无"), (closed.Field("Status 状态"), closed.Field("Next 下一步")));
        Assert.Equal(["Requested 待审核", "Approved 已同意", "Received 已收货", "Refunded 已退款", "Closed 已关闭"],
            Section(closed, "Timeline 时间线").Skip(1).Select(l => Columns().Split(l)[1]));
    }

    [PostgresFact]
    public async Task ReturningOneOfTwoCouponedNightStandsRefunds125YuanAndSaysWhy()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string orderId = await NightStandOrderAsync(demo);

        CliRun run = await demo.RunAsync("return", "create", orderId, "--kind", "return", "--line", "NS-WAL-40:1", "--reason", "抽屉拉不开", "--insurance-fen", "1200");

        Assert.True(run.ExitCode == 0, run.ToString());
        // 满300减50 over 2 × 150.00: each unit carries 25.00 of the coupon, so one unit back refunds 125.00.
        Assert.Equal(("¥125.00", "¥125.00"), (run.Field("Refund 退款"), run.Field("Total 退款合计")));
        Assert.StartsWith("¥25.00 ", run.Field("Coupon return 优惠分摊"), StringComparison.Ordinal);
        Assert.StartsWith("¥12.00 ", run.Field("运费险 Shipping insurance"), StringComparison.Ordinal);
        Assert.Equal(["1", "NS-WAL-40", "1", "¥125.00", "¥25.00", "¥125.00"], run.Row("1"));
        Assert.Contains(Section(run, "How the refund was worked out 退款说明"), l => l.Contains("满300减50", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task AnApprovedExchangeShowsItsReplacementOrderAndIsClosedOnceReceived()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        Shipped order = await ShippedOrderAsync(demo);
        string rmaId = await CreateReturnAsync(demo, order, "exchange", "尺码偏小，换大一号");

        CliRun approved = await demo.RunAsync("return", "approve", rmaId);
        CliRun received = await demo.RunAsync("return", "receive", rmaId, "--line", $"{order.Sku}:1");
        CliRun refund = await demo.RunAsync("return", "refund", rmaId);
        CliRun closed = await demo.RunAsync("return", "close", rmaId);

        Assert.True(approved.ExitCode == 0, approved.ToString());
        string replacement = (await demo.GetAsync($"/api/v1/returns/{rmaId}"))["replacementOrderId"]!.GetValue<string>();
        Assert.Equal(("exchange 换货", replacement), (approved.Field("Kind 类型"), approved.Field("Replacement 换货订单")));
        Assert.True(received.ExitCode == 0, received.ToString());
        Assert.Equal("close", received.Field("Next 下一步"));
        Assert.True(refund.ExitCode == 4, refund.ToString());
        Assert.Contains("current status: Received 已收货", refund.Error, StringComparison.Ordinal);
        Assert.True(closed.ExitCode == 0, closed.ToString());
        Assert.Equal("Closed 已关闭", closed.Field("Status 状态"));
    }

    [PostgresFact]
    public async Task ARefundOnlyReturnIsRefundedWithoutTheGoodsComingBack()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        Shipped order = await ShippedOrderAsync(demo);
        string rmaId = await CreateReturnAsync(demo, order, "refund_only", "少发了一件");

        CliRun approved = await demo.RunAsync("return", "approve", rmaId);
        CliRun refunded = await demo.RunAsync("return", "refund", rmaId);

        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.Equal(("refund_only 仅退款", "refund, reject"), (approved.Field("Kind 类型"), approved.Field("Next 下一步")));
        Assert.True(refunded.ExitCode == 0, refunded.ToString());
        Assert.Equal(("Refunded 已退款", "0"), (refunded.Field("Status 状态"), refunded.Row(order.Sku)[3]));
        long total = (await demo.GetAsync($"/api/v1/returns/{rmaId}"))["refund"]!["totalFen"]!.GetValue<long>();
        Assert.Equal(Yuan(total), refunded.Field("Total 退款合计"));
    }

    [PostgresFact]
    public async Task ShowPrintsTheReasonItsConfidenceAndTheModelThatChoseIt()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string rmaId = await CreateReturnAsync(demo, "盒子压坏了");
        JsonNode rma = await demo.GetAsync($"/api/v1/returns/{rmaId}");

        CliRun run = await demo.RunAsync("return", "show", rmaId);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("盒子压坏了", run.Field("Buyer said 买家描述"));
        Assert.Equal(rma["reasonCode"]!.GetValue<string>(), run.Field("Code 原因"));
        Assert.Equal($"{Math.Round(rma["reasonConfidence"]!.GetValue<double>() * 100).ToString(CultureInfo.InvariantCulture)}%", run.Field("Confidence 置信度"));
        Assert.Equal(("model 模型", rma["modelVersion"]!.GetValue<string>()), (run.Field("Source 来源"), run.Field("Model 模型版本")));
    }

    [PostgresFact]
    public async Task AnIllegalMoveIsExitCode4NamingTheReturnsCurrentStatus()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string rmaId = await CreateReturnAsync(demo, "不想要了");

        CliRun refund = await demo.RunAsync("return", "refund", rmaId);
        CliRun json = await demo.RunAsync("return", "close", rmaId, "--json");

        Assert.True(refund.ExitCode == 4, refund.ToString());
        Assert.Equal("", refund.Output);
        Assert.StartsWith("orderactors: ", refund.Error, StringComparison.Ordinal);
        Assert.Contains("(409)", refund.Error.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("current status: Requested 待审核", refund.Error, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 4, json.ToString());
        Assert.Equal("Requested", JsonNode.Parse(json.Error)!["currentStatus"]!.GetValue<string>());
    }

    [PostgresFact]
    public async Task ReturningMoreUnitsThanTheOrderHasIsExitCode2NamingTheLines()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        Shipped order = await ShippedOrderAsync(demo);

        CliRun run = await demo.RunAsync("return", "create", order.OrderId, "--kind", "return", "--line", $"{order.Sku}:{order.Quantity + 1}", "--reason", "发错货");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(run.Error.Split('\n'), l => l.StartsWith("  lines", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task JsonOutputIsTheServersBodyAndParses()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string rmaId = await CreateReturnAsync(demo, "尺码偏小");

        CliRun show = await demo.RunAsync("return", "show", rmaId, "--json");
        CliRun list = await demo.RunAsync("return", "list", "--status", "Requested", "--json");
        CliRun reasons = await demo.RunAsync("return", "reasons", "--json");

        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal(rmaId, JsonNode.Parse(show.Output)!["rmaId"]!.GetValue<string>());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal([rmaId], JsonNode.Parse(list.Output)!["items"]!.AsArray().Select(i => i!["rmaId"]!.GetValue<string>()));
        Assert.True(reasons.ExitCode == 0, reasons.ToString());
        Assert.NotNull(JsonNode.Parse(reasons.Output)!["model"]!["version"]);
    }

    [PostgresFact]
    public async Task AnOperatorsCorrectionReplacesTheReasonCode()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string rmaId = await CreateReturnAsync(demo, "快递太慢，而且东西不对");

        CliRun run = await demo.RunAsync("return", "reason", rmaId, "物流损毁");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("物流损毁", "operator 人工"), (run.Field("Code 原因"), run.Field("Source 来源")));
        Assert.Equal("物流损毁", (await demo.GetAsync($"/api/v1/returns/{rmaId}"))["reasonCode"]!.GetValue<string>());
    }

    [PostgresFact]
    public async Task ReasonsListsTheModelAndClassifyAnswersAsTheApiDoes()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        JsonNode reasons = await demo.GetAsync("/api/v1/return-reasons");
        JsonNode classified = await demo.PostAsync("/api/v1/return-reasons/classify", new { text = "收到就是坏的" });

        CliRun listed = await demo.RunAsync("return", "reasons");
        CliRun classify = await demo.RunAsync("return", "classify", "收到就是坏的");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal(reasons["model"]!["version"]!.GetValue<string>(), listed.Field("Version 版本"));
        Assert.StartsWith($"{Math.Round(reasons["evaluation"]!["accuracy"]!.GetValue<double>() * 100).ToString(CultureInfo.InvariantCulture)}% of ", listed.Field("Accuracy 准确率"), StringComparison.Ordinal);
        Assert.Contains("Confusion 混淆矩阵 (rows: actual 实际, columns: predicted 预测)", listed.OutputLines);
        Assert.True(classify.ExitCode == 0, classify.ToString());
        Assert.Equal(classified["reasonCode"]!.GetValue<string>(), classify.Field("Code 原因"));
    }

    [PostgresFact]
    public async Task AnUnknownReturnIsExitCode3()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunAsync("return", "show", "taobao-000000-R1");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("", run.Output);
        Assert.StartsWith("orderactors: ", run.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ARetriedCreateWithTheSameIdempotencyKeyOpensOneReturn()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        Shipped order = await ShippedOrderAsync(demo);
        string[] create = ["return", "create", order.OrderId, "--kind", "refund_only", "--line", $"{order.Sku}:1", "--reason", "不想要了", "--idempotency-key", "rma-once"];

        CliRun first = await demo.RunAsync(create);
        CliRun retry = await demo.RunAsync(create);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Equal(first.Field("RMA 售后单"), retry.Field("RMA 售后单"));
        Assert.Equal(1, (await demo.GetAsync($"/api/v1/returns?orderId={order.OrderId}"))["total"]!.GetValue<long>());
    }

    /// <summary>An allocated demo order, shipped, and its first line: a SKU and how many units of it shipped.</summary>
    private static async Task<Shipped> ShippedOrderAsync(DemoTenant demo)
    {
        string orderId = (await demo.OrderIdsAsync("status=Allocated"))[0];
        JsonNode order = await demo.ShipAsync(orderId);
        JsonNode line = order["lines"]!.AsArray().First(l => l!["sku"] is not null)!;
        return new Shipped(orderId, line["sku"]!.GetValue<string>(), line["quantity"]!.GetValue<int>());
    }

    /// <summary>The demo's delivered order of two night stands under a 满300减50 coupon.</summary>
    private static async Task<string> NightStandOrderAsync(DemoTenant demo)
    {
        foreach (string orderId in await demo.OrderIdsAsync("status=Delivered&channel=miniapp"))
        {
            if ((await demo.GetAsync($"/api/v1/orders/{orderId}"))["lines"]!.AsArray().Any(l => l!["sku"]?.GetValue<string>() == "NS-WAL-40"))
            {
                return orderId;
            }
        }
        throw new Xunit.Sdk.XunitException("the demo data has no delivered night-stand order");
    }

    /// <summary>A requested return of one unit of a freshly shipped order, opened through the API.</summary>
    private static async Task<string> CreateReturnAsync(DemoTenant demo, string reasonText) =>
        await CreateReturnAsync(demo, await ShippedOrderAsync(demo), "return", reasonText);

    /// <summary>A requested return of one unit of <paramref name="order"/>, opened through the API.</summary>
    private static async Task<string> CreateReturnAsync(DemoTenant demo, Shipped order, string kind, string reasonText)
    {
        JsonNode rma = await demo.PostAsync($"/api/v1/orders/{order.OrderId}/returns",
            new { kind, lines = new[] { new { sku = order.Sku, quantity = 1 } }, reasonText });
        return rma["rmaId"]!.GetValue<string>();
    }

    /// <summary>Fen as the CLI should print them, worked out in decimal rather than by the CLI's own formatter.</summary>
    private static string Yuan(long fen) => "¥" + (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The lines of a plain-output section: up to the next blank line.</summary>
    private static string[] Section(CliRun run, string heading)
    {
        string[] lines = run.Output.Split('\n');
        int start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"no section '{heading}' in:\n{run.Output}");
        return lines[(start + 1)..].TakeWhile(l => l.Length > 0).ToArray();
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();

    private sealed record Shipped(string OrderId, string Sku, int Quantity);
}
