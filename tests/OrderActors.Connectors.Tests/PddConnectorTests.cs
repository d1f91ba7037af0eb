using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Pdd;
using OrderActors.Connectors.Tests.Support;
using OrderActors.Domain.Addresses;

namespace OrderActors.Connectors.Tests;

public sealed class PddConnectorTests
{
    private const string OrderInfo = "order_info_get_response.order_info";
    private readonly PddConnector _connector = new(DivisionCatalog.Default);

    private static JsonNode Info(JsonNode root) => root["order_info_get_response"]!["order_info"]!;

    [Theory]
    [InlineData(2, OrderStatus.Returning)]
    [InlineData(3, OrderStatus.Returning)]
    [InlineData(4, OrderStatus.Refunded)]
    public void RefundStatusOverridesTheShippingStatus(int refundStatus, OrderStatus expected)
    {
        JsonElement payload = Fixture.Edited("pdd", "order.json", root => Info(root)["refund_status"] = refundStatus);

        Assert.Equal(expected, ResultAssert.Succeeds(_connector.ParseOrder(payload)).MappedStatus);
    }

    [Fact]
    public void ACancelledDealIsCancelled() =>
        Assert.Equal(OrderStatus.Cancelled,
            _connector.ParseOrder(Fixture.Edited("pdd", "order.json", root => Info(root)["confirm_status"] = 2)).Value.MappedStatus);

    [Fact]
    public void AnEncryptedPhoneWithAMaskIsShownAsTheMaskAndFlaggedMasked()
    {
        JsonElement payload = Fixture.Edited("pdd", "order.json", root =>
        {
            Info(root)["receiver_phone"] = "$pwEiLJy3WfSb0V2c4Y8lq0tR0mFTqJ1d$";
            Info(root)["receiver_phone_mask"] = "138****5678";
        });

        Contact receiver = ResultAssert.Succeeds(_connector.ParseOrder(payload)).Receiver;

        Assert.Equal(("138****5678", true), (receiver.Phone, receiver.PhoneMasked));
    }

    [Fact]
    public void WithoutReceiverAddressTheDetailComesFromTheFullAddress()
    {
        JsonElement payload = Fixture.Edited("pdd", "order.json", root => Info(root).AsObject().Remove("receiver_address"));

        Assert.Equal("文三路398号东方通信大厦7楼", ResultAssert.Succeeds(_connector.ParseOrder(payload)).ShippingAddress.Detail);
    }

    [Fact]
    public void AnUnknownOrderStatusIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("pdd", "order.json", root => Info(root)["order_status"] = 9)),
            HoldCodes.UnknownStatus, $"{OrderInfo}.order_status", "unknown");

    [Fact]
    public void AGoodsCountOfZeroIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("pdd", "order.json", root => Info(root)["item_list"]![0]!["goods_count"] = 0)),
            $"{OrderInfo}.item_list[0].goods_count", "positive");

    [Fact]
    public void ANegativePostageIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("pdd", "order.json", root => Info(root)["postage"] = -10)),
            HoldCodes.UnreadableField, $"{OrderInfo}.postage", "negative");

    [Fact]
    public void ACreatedTimeGivenAsANumberIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("pdd", "order.json", root => Info(root)["created_time"] = 1768911330)),
            HoldCodes.UnreadableField, $"{OrderInfo}.created_time", "yyyy-MM-dd");

    [Theory]
    [InlineData("event-shipped.json", PlatformEventKind.Shipped, 1769076131)]
    [InlineData("event-refund.json", PlatformEventKind.RefundRequested, 1768959000)]
    [InlineData("event-received.json", PlatformEventKind.Delivered, 1769133600)]
    public void PushMessagesMapToTheirEventsAtTheirUnixTime(string file, PlatformEventKind kind, long unixSeconds)
    {
        PlatformEvent platformEvent = ResultAssert.Succeeds(_connector.ParseEvent("260120-481516234200815", Fixture.Load("pdd", file)));

        Assert.Equal((kind, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), (platformEvent.Kind, platformEvent.At));
    }

    [Fact]
    public void AMessageAboutAnotherOrderIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseEvent("260120-000000000000000", Fixture.Load("pdd", "event-refund.json")), "content.tid", "not");
}
