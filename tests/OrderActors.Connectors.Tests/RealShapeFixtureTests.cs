using System.Text.Json;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Tests.Support;

namespace OrderActors.Connectors.Tests;

/// <summary>
/// Orders in the shapes the platforms really send (written here after their published behaviour): ciphertext
/// receivers, ids beyond 2^53, municipalities' 市辖区, building-only addresses with coordinates, JSON text inside
/// fields (twice over), coupon entries of other shapes, yuan amounts a double would round wrong.
/// </summary>
public sealed class RealShapeFixtureTests
{
    [Fact]
    public void ADouyinOrderWithOnlyCiphertextIsAcceptedEncryptedAndPlacedByItsDivisions()
    {
        NormalizedOrder order = ResultAssert.Succeeds(Registered.For(Channel.Douyin).ParseOrder(Fixture.Load("douyin", "real-encrypted-municipality.json")));

        Assert.Equal("6931234567890123456", order.ExternalOrderId);
        Assert.Equal("1769876543210987654", order.Lines[0].PlatformSkuId);
        Assert.True(order.Receiver.Encrypted);
        Assert.StartsWith("$$", order.Receiver.Phone);
        Assert.Equal(("北京市", "市辖区", "朝阳区"), (order.ShippingAddress.Province, order.ShippingAddress.City, order.ShippingAddress.District));
        Assert.StartsWith("##", order.ShippingAddress.Detail);
        Assert.Equal([HoldCodes.PiiEncrypted], order.Findings.Select(f => f.Code));
        Assert.Equal((9900L, 1000L, 8900L), (order.GoodsTotal.Fen, order.OrderDiscount.Fen, order.AmountPaid.Fen));
        Assert.Equal("(encrypted)", order.Receiver.MaskedPhone());
    }

    [Fact]
    public void AMeituanBuildingOnlyAddressGetsItsDistrictFromTheCoordinates()
    {
        NormalizedOrder order = ResultAssert.Succeeds(Registered.For(Channel.Meituan).ParseOrder(Fixture.Load("meituan", "real-building-only.json")));

        Assert.Equal(new Address("北京市", "北京市", "朝阳区", "望京SOHO塔1 1203室", new GeoPoint(39.99642, 116.480881)), order.ShippingAddress);
        Assert.Empty(order.Findings);
        Assert.Equal((7500L, 550L, 8050L), (order.GoodsTotal.Fen, order.ShippingFee.Fen, order.AmountPaid.Fen));
        Assert.True(order.Receiver.PhoneMasked);
    }

    [Fact]
    public void ATaobaoMessageWhoseContentIsJsonTextOfJsonTextIsRead()
    {
        PlatformEvent message = ResultAssert.Succeeds(Registered.For(Channel.Taobao)
            .ParseEvent("4012345678901234567", Fixture.Load("taobao", "real-tmc-double-encoded.json")));

        Assert.Equal((PlatformEventKind.Paid, "4012345678901234567"), (message.Kind, message.ExternalOrderId));
    }

    [Fact]
    public void AJdCouponEntryOfAnotherShapeIsHeldAndTheKnownOnesStillCount()
    {
        NormalizedOrder order = ResultAssert.HeldOn(Registered.For(Channel.Jd).ParseOrder(Fixture.Load("jd", "real-odd-coupons.json")),
            HoldCodes.UnknownCoupon, "jingdong_pop_order_get_responce.orderDetailInfo.orderInfo.couponDetailList[2]", "couponPrice");

        Assert.Equal("王小明", order.Receiver.Name);
        Assert.Equal(("浙江", "杭州市", "西湖区", "文三路398号东方通信大厦7楼"),
            (order.ShippingAddress.Province, order.ShippingAddress.City, order.ShippingAddress.District, order.ShippingAddress.Detail));
        Assert.Equal(1000, order.Lines[1].LineDiscount.Fen);
        Assert.Equal(5000, order.OrderDiscount.Fen);
        Assert.Single(order.Findings);
    }

    [Fact]
    public void PddYuanNumbersAreReadExactlyFromTheJsonText()
    {
        NormalizedOrder order = ResultAssert.Succeeds(Registered.For(Channel.Pdd).ParseOrder(Fixture.Load("pdd", "real-decimal-yuan.json")));

        double viaDouble = 1024.09;
        Assert.NotEqual(102409L, (long)(viaDouble * 100));
        Assert.Equal((102409L, 10L, 30L, 102389L), (order.Lines[0].UnitPrice.Fen, order.ShippingFee.Fen, order.OrderDiscount.Fen, order.AmountPaid.Fen));
        Assert.Equal(("138****5678", true), (order.Receiver.Phone, order.Receiver.PhoneMasked));
        Assert.Empty(order.Findings);
    }

    [Theory]
    [InlineData("#1 $$ not a wrapper", false)]
    [InlineData("$$139****2468$$RkFLRUNJUEhFUg==*CgkIARCt$1$$", true)]
    [InlineData("#李##QUJDREVGR0hJSktMTU5PUA==*CgkIARCt#1##", true)]
    [InlineData("139****2468", false)]
    [InlineData("王小明", false)]
    public void CiphertextIsToldFromMaskedAndPlainText(string mobile, bool encrypted)
    {
        JsonElement payload = Fixture.Edited("taobao", "order.json", root => root["trade_fullinfo_get_response"]!["trade"]!["receiver_mobile"] = mobile);

        NormalizedOrder order = ResultAssert.Succeeds(Registered.For(Channel.Taobao).ParseOrder(payload));

        Assert.Equal(encrypted, order.Receiver.Encrypted);
        Assert.Equal(encrypted, order.Findings.Any(f => f.Code == HoldCodes.PiiEncrypted));
    }
}
