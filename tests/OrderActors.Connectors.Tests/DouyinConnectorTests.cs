using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Douyin;
using OrderActors.Connectors.Tests.Support;

namespace OrderActors.Connectors.Tests;

public sealed class DouyinConnectorTests
{
    private const string Detail = "data.shop_order_detail";
    private readonly DouyinConnector _connector = new();

    private static JsonObject Order(JsonNode root) => root["data"]!["shop_order_detail"]!.AsObject();

    [Fact]
    public void WithoutPlaintextReceiverTheMaskedFieldsAreUsedAndFlagged()
    {
        JsonElement payload = Fixture.Edited("douyin", "order.json", root =>
        {
            Order(root).Remove("post_tel");
            Order(root).Remove("post_receiver");
        });

        Contact receiver = ResultAssert.Succeeds(_connector.ParseOrder(payload)).Receiver;

        Assert.Equal(new Contact("王**", "1********78", PhoneMasked: true), receiver);
    }

    [Fact]
    public void WithOnlyCiphertextThePhoneIsKeptAsGivenAndFlaggedMasked()
    {
        JsonElement payload = Fixture.Edited("douyin", "order.json", root =>
        {
            Order(root).Remove("post_tel");
            Order(root).Remove("mask_post_tel");
        });

        Assert.True(ResultAssert.Succeeds(_connector.ParseOrder(payload)).Receiver.PhoneMasked);
    }

    [Fact]
    public void PayTimeZeroMeansUnpaid()
    {
        JsonElement payload = Fixture.Edited("douyin", "order.json", root =>
        {
            Order(root)["pay_time"] = 0;
            Order(root)["order_status"] = 1;
        });

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(payload));

        Assert.Null(order.PaidAt);
        Assert.Equal(OrderStatus.PendingPayment, order.MappedStatus);
    }

    [Fact]
    public void AmountsInYuanInsteadOfFenAreHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("douyin", "order.json", root => Order(root)["pay_amount"] = 259.99)),
            HoldCodes.UnreadableField, $"{Detail}.pay_amount", "fen");

    [Fact]
    public void ASumAmountThatIsNotTheUnitPriceTimesTheQuantityIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("douyin", "order.json", root => Order(root)["sku_order_list"]![1]!["sum_amount"] = 15001)),
            HoldCodes.AbnormalAmount, $"{Detail}.sku_order_list[1].sum_amount", "origin_amount");

    [Fact]
    public void ACreateTimeWrittenAsTextIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("douyin", "order.json", root => Order(root)["create_time"] = "2026-01-20 20:15:30")),
            HoldCodes.UnreadableField, $"{Detail}.create_time", "unix");

    [Fact]
    public void AMissingPostAddressIsAcceptedWithEmptyDivisionsForIntakeToHold()
    {
        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(Fixture.Edited("douyin", "order.json", root => Order(root).Remove("post_addr"))));

        Assert.Equal(new Address("", "", "", ""), order.ShippingAddress);
    }

    [Theory]
    [InlineData("event-paid.json", PlatformEventKind.Paid, 1768911365)]
    [InlineData("event-cancelled.json", PlatformEventKind.Cancelled, 1768959000)]
    [InlineData("event-refund.json", PlatformEventKind.RefundRequested, 1768959000)]
    public void PushMessagesMapByTagAtTheirOwnTime(string file, PlatformEventKind kind, long unixSeconds)
    {
        PlatformEvent platformEvent = ResultAssert.Succeeds(_connector.ParseEvent("6930123456789012345", Fixture.Load("douyin", file)));

        Assert.Equal((kind, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), (platformEvent.Kind, platformEvent.At));
    }

    [Fact]
    public void ABatchOfSeveralMessagesIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseEvent("6930123456789012345", Fixture.Parse("[{},{}]")), "$", "one message");

    [Fact]
    public void AnUnknownTagIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseEvent("6930123456789012345", Fixture.Edited("douyin", "event-paid.json", root => root[0]!["tag"] = "999")), "tag", "unknown");
}
