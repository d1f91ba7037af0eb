using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Jd;
using OrderActors.Connectors.Tests.Support;
using OrderActors.Domain.Addresses;

namespace OrderActors.Connectors.Tests;

public sealed class JdConnectorTests
{
    private const string OrderInfo = "jingdong_pop_order_get_responce.orderDetailInfo.orderInfo";
    private readonly JdConnector _connector = new(DivisionCatalog.Default);

    private static JsonNode Info(JsonNode root) => root["jingdong_pop_order_get_responce"]!["orderDetailInfo"]!["orderInfo"]!;

    [Fact]
    public void TheStreetDetailIsFullAddressWithoutItsLeadingDivisions()
    {
        JsonElement payload = Fixture.Edited("jd", "order.json", root => Info(root)["consigneeInfo"]!["fullAddress"] = "浙江省 杭州市 西湖区 西溪街道 文三路398号");

        Assert.Equal("西溪街道文三路398号", ResultAssert.Succeeds(_connector.ParseOrder(payload)).ShippingAddress.Detail);
    }

    [Fact]
    public void ACouponNamingASkuIsThatLinesDiscountAndLeavesTheRestAtOrderLevel()
    {
        JsonElement payload = Fixture.Edited("jd", "order.json", root => Info(root)["couponDetailList"]!.AsArray().Add(
            new JsonObject { ["orderId"] = "298765432101", ["skuId"] = "100012345602", ["couponType"] = "30-单品促销优惠", ["couponPrice"] = "10.00" }));

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(payload));

        Assert.Equal(1000, order.Lines[1].LineDiscount.Fen);
        Assert.Equal(4000, order.OrderDiscount.Fen);
    }

    [Fact]
    public void SkuCouponsLargerThanTheSellerDiscountAreHeld()
    {
        JsonElement payload = Fixture.Edited("jd", "order.json", root => Info(root)["couponDetailList"]!.AsArray().Add(
            new JsonObject { ["skuId"] = "100012345602", ["couponPrice"] = "60.00" }));

        ResultAssert.HeldOn(_connector.ParseOrder(payload), HoldCodes.AbnormalAmount, $"{OrderInfo}.couponDetailList", "exceed");
    }

    [Fact]
    public void AMaskedMobileIsFlaggedMasked()
    {
        JsonElement payload = Fixture.Edited("jd", "order.json", root => Info(root)["consigneeInfo"]!["mobile"] = "138****5678");

        Assert.True(ResultAssert.Succeeds(_connector.ParseOrder(payload)).Receiver.PhoneMasked);
    }

    [Fact]
    public void AnItemTotalThatIsNotANumberIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("jd", "order.json", root => Info(root)["itemInfoList"]![1]!["itemTotal"] = "two")),
            $"{OrderInfo}.itemInfoList[1].itemTotal", "positive");

    [Fact]
    public void AMissingConsigneeIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("jd", "order.json", root => Info(root).AsObject().Remove("consigneeInfo"))),
            HoldCodes.UnreadableField, $"{OrderInfo}.consigneeInfo", "required");

    [Fact]
    public void AnEmptyItemListIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("jd", "order.json", root => Info(root)["itemInfoList"] = new JsonArray())),
            $"{OrderInfo}.itemInfoList", "empty");

    [Fact]
    public void AnUnparseablePaymentIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("jd", "order.json", root => Info(root)["orderPayment"] = "二百六")),
            HoldCodes.UnreadableField, $"{OrderInfo}.orderPayment", "yuan");

    [Theory]
    [InlineData("event-cancelled.json", PlatformEventKind.Cancelled)]
    [InlineData("event-locked.json", PlatformEventKind.RefundRequested)]
    [InlineData("event-shipped.json", PlatformEventKind.Shipped)]
    public void OrderStateMessagesMapToTheirEvents(string file, PlatformEventKind kind)
    {
        PlatformEvent platformEvent = ResultAssert.Succeeds(_connector.ParseEvent("298765432101", Fixture.Load("jd", file)));

        Assert.Equal(kind, platformEvent.Kind);
        Assert.Equal(Channel.Jd, platformEvent.Channel);
    }

    [Fact]
    public void AMessageWithoutModifiedTimeIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseEvent("298765432101", Fixture.Edited("jd", "event-shipped.json", root => root.AsObject().Remove("modified"))),
            "modified", "required");
}
