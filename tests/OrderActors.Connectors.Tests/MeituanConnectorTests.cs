using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Meituan;
using OrderActors.Connectors.Tests.Support;
using OrderActors.Domain.Addresses;

namespace OrderActors.Connectors.Tests;

public sealed class MeituanConnectorTests
{
    private readonly MeituanConnector _connector = new(DivisionCatalog.Default);

    private static JsonNode Data(JsonNode root) => root["data"]!;

    [Theory]
    [InlineData("浙江省杭州市西湖区文三路398号东方通信大厦7楼", "浙江省", "杭州市", "西湖区", "文三路398号东方通信大厦7楼")]
    [InlineData("北京市朝阳区望京街10号望京SOHO T1 1001", "北京市", "北京市", "朝阳区", "望京街10号望京SOHOT11001")]
    [InlineData("望京SOHO T1 1001@#北京市北京市朝阳区望京街10号", "北京市", "北京市", "朝阳区", "望京街10号")]
    [InlineData("广东深圳南山区科技园科苑路15号", "广东省", "深圳市", "南山区", "科技园科苑路15号")]
    public void TheOneLineRecipientAddressIsSplitIntoDivisions(string recipientAddress, string province, string city, string district, string detail)
    {
        JsonElement payload = Fixture.Edited("meituan", "order.json", root => Data(root)["recipient_address"] = recipientAddress);

        Address address = ResultAssert.Succeeds(_connector.ParseOrder(payload)).ShippingAddress;

        Assert.Equal((province, city, district, detail), (address.Province, address.City, address.District, address.Detail));
    }

    [Fact]
    public void AnAddressNamingNoKnownPlaceIsPlacedByItsCoordinates()
    {
        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(Fixture.Edited("meituan", "order.json", root => Data(root)["recipient_address"] = "火星基地3号舱")));

        Assert.Equal(new Address("浙江省", "杭州市", "西湖区", "火星基地3号舱", order.ShippingAddress.Location), order.ShippingAddress);
        Assert.Empty(order.Findings);
    }

    [Fact]
    public void AnAddressNamingNoKnownPlaceWithoutCoordinatesIsHeldIncomplete() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("meituan", "order.json", root =>
            {
                Data(root)["recipient_address"] = "火星基地3号舱";
                Data(root).AsObject().Remove("latitude");
                Data(root).AsObject().Remove("longitude");
            })),
            HoldCodes.IncompleteAddress, "data.recipient_address", "no coordinates");

    [Fact]
    public void AVirtualNumberWithAnExtensionIsFlaggedMasked()
    {
        JsonElement payload = Fixture.Edited("meituan", "order.json", root => Data(root)["recipient_phone"] = "17012345678_4321");

        Contact receiver = ResultAssert.Succeeds(_connector.ParseOrder(payload)).Receiver;

        Assert.Equal(("17012345678_4321", true), (receiver.Phone, receiver.PhoneMasked));
    }

    [Fact]
    public void PackagingFeesCountAsShippingAndTheDiscountIsOriginalPriceMinusTotal()
    {
        JsonElement payload = Fixture.Edited("meituan", "order.json", root =>
        {
            Data(root)["detail"] = "[{\"app_food_code\":\"A\",\"food_name\":\"乳胶枕\",\"sku_id\":\"mt-a\",\"quantity\":2,\"price\":75.5,\"box_num\":2,\"box_price\":0.5}]";
            Data(root)["original_price"] = 162.0;
            Data(root)["total"] = 142.0;
        });

        NormalizedOrder order = ResultAssert.Succeeds(_connector.ParseOrder(payload));

        Assert.Equal((15100L, 1100L, 2000L, 14200L), (order.GoodsTotal.Fen, order.ShippingFee.Fen, order.OrderDiscount.Fen, order.AmountPaid.Fen));
    }

    [Fact]
    public void DetailThatIsNotJsonTextIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("meituan", "order.json", root => Data(root)["detail"] = "[{")), "data.detail", "JSON");

    [Fact]
    public void AFractionalQuantityIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseOrder(Fixture.Edited("meituan", "order.json", root =>
            Data(root)["detail"] = "[{\"app_food_code\":\"A\",\"food_name\":\"枕\",\"quantity\":1.5,\"price\":75}]")), "data.detail[0].quantity", "positive");

    [Fact]
    public void ALatitudeOutOfRangeIsHeld() =>
        ResultAssert.HeldOn(_connector.ParseOrder(Fixture.Edited("meituan", "order.json", root => Data(root)["latitude"] = 30277826)),
            HoldCodes.UnreadableField, "data.latitude", "degrees");

    [Theory]
    [InlineData("event-shipped.json", PlatformEventKind.Shipped, "status:6")]
    [InlineData("event-cancelled.json", PlatformEventKind.Cancelled, "cancel")]
    [InlineData("event-refund.json", PlatformEventKind.RefundRequested, "refund:apply")]
    public void StatusCancelAndRefundPushesMapToTheirEvents(string file, PlatformEventKind kind, string platformStatus)
    {
        PlatformEvent platformEvent = ResultAssert.Succeeds(_connector.ParseEvent("27061900338318741", Fixture.Load("meituan", file)));

        Assert.Equal((kind, platformStatus), (platformEvent.Kind, platformEvent.PlatformStatus));
    }

    [Fact]
    public void APushWithoutTimestampIsRefused() =>
        ResultAssert.FailsOn(_connector.ParseEvent("27061900338318741", Fixture.Edited("meituan", "event-shipped.json", root => root.AsObject().Remove("timestamp"))),
            "timestamp", "required");
}
