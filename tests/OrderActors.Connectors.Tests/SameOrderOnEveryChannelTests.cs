using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Tests.Support;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Tests;

public sealed class SameOrderOnEveryChannelTests
{
    public static TheoryData<Channel> AllChannels => new(Enum.GetValues<Channel>());

    [Theory]
    [MemberData(nameof(AllChannels))]
    public void EveryChannelsPayloadOfTheSharedOrderNormalisesToTheSameOrder(Channel channel)
    {
        ConnectorResult<NormalizedOrder> result = Registered.For(channel).ParseOrder(Fixture.Load(channel.ToRouteName(), "order.json"));

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.Equal(channel, result.Value.Channel);
        Assert.Equal(SharedOrder.ExpectedFor(channel), SharedOrder.Project(result.Value));
    }

    [Fact]
    public void TheSixNormalisedOrdersAgreeWithEachOtherOnEverySharedField()
    {
        SharedOrder.Comparable[] projections = Enum.GetValues<Channel>()
            .Select(channel => SharedOrder.Project(Registered.For(channel).ParseOrder(Fixture.Load(channel.ToRouteName(), "order.json")).Value))
            .ToArray();

        Assert.Single(projections.Select(p => (p.Status, p.CreatedAt, p.Receiver, p.DivisionCode, p.Detail, p.BuyerNote, p.GoodsTotal, p.ShippingFee, p.OrderDiscount, p.AmountPaid)).Distinct());
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public void EveryChannelsSharedOrderPassesIntakeWithoutHoldsAndCarriesTwentyFiveYuanOfTheCouponOnEachLine(Channel channel)
    {
        NormalizedOrder order = Registered.For(channel).ParseOrder(Fixture.Load(channel.ToRouteName(), "order.json")).Value;
        DateTimeOffset receivedAt = (order.ClientSubmittedAt ?? SharedOrder.PaidAt).AddSeconds(1);

        IntakeValidation validation = IntakeValidator.Validate(order, new IntakeContext(SharedOrder.Mappings, IntakeRules.Default, receivedAt));

        Assert.Empty(validation.Holds);
        Assert.Equal("330106", validation.Address!.DistrictCode);
        Assert.Equal([2500L, 2500L], validation.Lines.Select(line => line.OrderDiscountShare.Fen));
        Assert.Equal([SharedOrder.Nightstand, SharedOrder.Pillow], validation.Lines.Select(line => line.MasterSku));
    }

    [Fact]
    public void OnlyMeituanCarriesCoordinatesAndOnlyTheMiniProgramCarriesAClientSubmitTime()
    {
        NormalizedOrder meituan = Registered.For(Channel.Meituan).ParseOrder(Fixture.Load("meituan", "order.json")).Value;
        NormalizedOrder miniapp = Registered.For(Channel.Miniapp).ParseOrder(Fixture.Load("miniapp", "order.json")).Value;

        Assert.Equal(30.277826, meituan.ShippingAddress.Location!.Value.Latitude, 6);
        Assert.Equal(120.133041, meituan.ShippingAddress.Location!.Value.Longitude, 6);
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 12, 15, 29, 400, TimeSpan.Zero), miniapp.ClientSubmittedAt);
    }
}
