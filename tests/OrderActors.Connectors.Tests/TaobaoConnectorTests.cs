using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Taobao;
using OrderActors.Connectors.Tests.Support;

namespace OrderActors.Connectors.Tests;

public sealed class TaobaoConnectorTests
{
    private readonly TaobaoConnector _connector = new();

    private static JsonNode Trade(JsonNode root) => root["trade_fullinfo_get_response"]!["trade"]!;

    private static JsonNode FirstLine(JsonNode root) => Trade(root)["orders"]!["order"]![0]!;

    [Fact]
    public void ABareTradeWithoutTheResponseEnvelopeIsReadToo()
    {
        JsonNode trade = Trade(JsonNode.Parse(Fixture.Load("taobao", "order.json").GetRawText())!);

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(Fixture.Parse(trade.ToJsonString())));

        Assert.Equal("4012345678901234567", order.ExternalOrderId);
    }

    [Fact]
    public void LineDiscountIsTheDiscountFeeMinusTheSellersManualAdjustment()
    {
        JsonElement payload = Fixture.Edited("taobao", "order.json", root =>
        {
            FirstLine(root)["discount_fee"] = "20.00";
            FirstLine(root)["adjust_fee"] = "-5.50";
        });

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(payload));

        Assert.Equal(2550, order.Lines[0].LineDiscount.Fen);
    }

    [Fact]
    public void AnItemWithoutSkuIsKeyedByItsNumIid()
    {
        JsonElement payload = Fixture.Edited("taobao", "order.json", root => FirstLine(root)["sku_id"] = "");

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(payload));

        Assert.Equal("680123456789", order.Lines[0].PlatformSkuId);
    }

    [Fact]
    public void AMaskedReceiverMobileIsKeptAndFlaggedMasked()
    {
        JsonElement payload = Fixture.Edited("taobao", "order.json", root => Trade(root)["receiver_mobile"] = "138****5678");

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(payload));

        Assert.Equal("138****5678", order.Receiver.Phone);
        Assert.True(order.Receiver.PhoneMasked);
    }

    [Fact]
    public void AClosedTradeAfterPaymentMapsToRefundedAndOneClosedBeforePaymentToCancelled()
    {
        JsonElement refunded = Fixture.Edited("taobao", "order.json", root => Trade(root)["status"] = "TRADE_CLOSED");
        JsonElement cancelled = Fixture.Edited("taobao", "order.json", root => Trade(root)["status"] = "TRADE_CLOSED_BY_TAOBAO");

        Assert.Equal(OrderStatus.Refunded, _connector.ParseOrder(refunded).Value.MappedStatus);
        Assert.Equal(OrderStatus.Cancelled, _connector.ParseOrder(cancelled).Value.MappedStatus);
    }

    [Fact]
    public void MissingTidIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("taobao", "order.json", root => Trade(root).AsObject().Remove("tid"))), "trade_fullinfo_get_response.trade.tid", "required");

    [Fact]
    public void APriceWithThreeDecimalsIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("taobao", "order.json", root => FirstLine(root)["price"] = "150.005")),
            HoldCodes.UnreadableField, "trade_fullinfo_get_response.trade.orders.order[0].price", "two decimals");

    [Fact]
    public void ANegativeQuantityIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("taobao", "order.json", root => FirstLine(root)["num"] = -1)),
            "trade_fullinfo_get_response.trade.orders.order[0].num", "positive");

    [Fact]
    public void ACreatedTimeInTheWrongFormatIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("taobao", "order.json", root => Trade(root)["created"] = "2026/01/20 20:15")),
            HoldCodes.UnreadableField, "trade_fullinfo_get_response.trade.created", "yyyy-MM-dd HH:mm:ss");

    [Fact]
    public void AnUnknownTradeStatusIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("taobao", "order.json", root => Trade(root)["status"] = "TRADE_TELEPORTED")),
            HoldCodes.UnknownStatus, "trade_fullinfo_get_response.trade.status", "unknown");

    [Fact]
    public void OrdersOfTheWrongTypeAreRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("taobao", "order.json", root => Trade(root)["orders"] = "none")),
            "trade_fullinfo_get_response.trade.orders", "lines");

    [Fact]
    public void ABuyerPayMessageIsAPaidEventAtItsChinaTimePublishTime()
    {
        PlatformEvent paid = ResultAssert.Succeeds(_connector.ParseEvent("4012345678901234567", Fixture.Load("taobao", "event-paid.json")));

        Assert.Equal(PlatformEventKind.Paid, paid.Kind);
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 12, 16, 5, TimeSpan.Zero), paid.At);
        Assert.Equal("WAIT_SELLER_SEND_GOODS", paid.Note);
    }

    [Fact]
    public void RefundCreatedAndSellerShipMessagesAreRefundRequestedAndShipped()
    {
        Assert.Equal(PlatformEventKind.RefundRequested, _connector.ParseEvent("4012345678901234567", Fixture.Load("taobao", "event-refund.json")).Value.Kind);
        Assert.Equal(PlatformEventKind.Shipped, _connector.ParseEvent("4012345678901234567", Fixture.Load("taobao", "event-shipped.json")).Value.Kind);
    }

    [Fact]
    public void AMessageAboutAnotherTradeIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseEvent("999", Fixture.Load("taobao", "event-paid.json")), "content.tid", "not '999'");

    [Fact]
    public void AMessageWhoseContentIsNotJsonIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseEvent("4012345678901234567", Fixture.Edited("taobao", "event-paid.json", root => root["content"] = "{tid:")),
            "content", "JSON");

    [Fact]
    public void AnUnknownTopicIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseEvent("4012345678901234567", Fixture.Edited("taobao", "event-paid.json", root => root["topic"] = "taobao_trade_Teleported")),
            "topic", "unknown");
}
