using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors;
using OrderActors.Domain.Intake;
using OrderActors.LoadTest.Tests.Support;
using OrderActors.LoadTest.Traffic;
using OrderActors.LoadTest.Traffic.Payloads;

namespace OrderActors.LoadTest.Tests.Traffic;

public sealed class ChannelPayloadTests
{
    private static readonly ConnectorRegistry _connectors = ConnectorRegistry.CreateDefault();
    private static readonly IReadOnlyList<OrderPlan> _plans = GeneratedOrders.Plans(3000);

    public static TheoryData<Channel> AllChannels => new(Enum.GetValues<Channel>());

    [Theory]
    [MemberData(nameof(AllChannels))]
    public void EveryGeneratedOrderParsesWithTheRealConnectorAndPassesIntakeWithoutHolds(Channel channel)
    {
        OrderPlan[] plans = _plans.Where(plan => plan.Channel == channel).ToArray();
        Assert.True(plans.Length > 50, $"only {plans.Length} {channel} orders in the sample");

        foreach (OrderPlan plan in plans)
        {
            DateTimeOffset sentAt = plan.CreatedAt.AddSeconds(1);
            NormalizedOrder order = Parse(channel, ChannelPayloads.For(channel).Order(plan, sentAt));

            IntakeValidation validation = IntakeValidator.Validate(order, new IntakeContext(GeneratedOrders.Mappings, IntakeRules.Default, sentAt));

            Assert.True(validation.Holds.All(hold => hold.Code == HoldCodes.HighValueApproval),
                $"{plan.OrderId}: {string.Join("; ", validation.Holds.Select(hold => $"{hold.Code}: {hold.Message}"))}");
            Assert.Equal(plan.ExternalOrderId, order.ExternalOrderId);
            Assert.Equal(plan.PaidAtIntake ? OrderStatus.Paid : OrderStatus.PendingPayment, order.MappedStatus);
            Assert.Equal(plan.PaidFen, order.AmountPaid.Fen);
            Assert.Equal(plan.GoodsFen, order.GoodsTotal.Fen);
            Assert.Equal(plan.ShippingFen, order.ShippingFee.Fen);
            Assert.Equal(plan.Lines.Select(line => line.Sku.Sku), validation.Lines.Select(line => line.MasterSku));
            Assert.Equal(plan.Lines.Select(line => line.Quantity), order.Lines.Select(line => line.Quantity));
            Assert.Equal(plan.Receiver.Place.DistrictCode, validation.Address!.DistrictCode);
            Assert.Equal(plan.Receiver.StreetDetail, order.ShippingAddress.Detail);
        }
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public void PlainReceiverPhonesAreMainlandMobileNumbers(Channel channel)
    {
        foreach (OrderPlan plan in _plans.Where(plan => plan.Channel == channel))
        {
            NormalizedOrder order = Parse(channel, ChannelPayloads.For(channel).Order(plan, plan.CreatedAt));

            Assert.True(order.Receiver.PhoneMasked || PhoneNumbers.IsMainlandMobile(order.Receiver.Phone), plan.OrderId);
            Assert.True(PhoneNumbers.IsMainlandMobile(plan.Receiver.Phone));
        }
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public void PaidAndCancelledMessagesParseAsThoseEventsForTheirOrder(Channel channel)
    {
        IChannelPayloads payloads = ChannelPayloads.For(channel);
        IChannelConnector connector = _connectors.Get(channel);
        OrderPlan plan = _plans.First(candidate => candidate.Channel == channel);
        DateTimeOffset at = plan.CreatedAt.AddMinutes(1);

        ConnectorResult<PlatformEvent> paid = connector.ParseEvent(plan.ExternalOrderId, ToElement(payloads.Paid(plan, at)));
        ConnectorResult<PlatformEvent> cancelled = connector.ParseEvent(plan.ExternalOrderId, ToElement(payloads.Cancelled(plan, at)));

        Assert.True(paid.IsSuccess, Describe(paid.Errors));
        Assert.True(cancelled.IsSuccess, Describe(cancelled.Errors));
        Assert.Equal(PlatformEventKind.Paid, paid.Value.Kind);
        Assert.Equal(PlatformEventKind.Cancelled, cancelled.Value.Kind);
        Assert.Equal(at.ToUnixTimeSeconds(), paid.Value.At.ToUnixTimeSeconds());
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public void EveryBuyerDistrictResolvesOnEveryChannel(Channel channel)
    {
        OrderPlanner planner = GeneratedOrders.Planner();
        CatalogSku sku = GeneratedOrders.Catalog.ByRank[0];
        DateTimeOffset now = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

        foreach (MainlandPlace place in MainlandPlaces.All)
        {
            OrderPlan plan = planner.Single(sku, channel, place, now);
            NormalizedOrder order = Parse(channel, ChannelPayloads.For(channel).Order(plan, now));
            IntakeValidation validation = IntakeValidator.Validate(order, new IntakeContext(GeneratedOrders.Mappings, IntakeRules.Default, now));

            Assert.True(validation.IsClean, $"{place.Divisions}: {string.Join("; ", validation.Holds.Select(hold => hold.Message))}");
            Assert.Equal(place.DistrictCode, validation.Address!.DistrictCode);
        }
    }

    [Fact]
    public void OnlyChannelsWithAnUnpaidStatusReceiveUnpaidOrders()
    {
        Channel[] unpaidChannels = _plans.Where(plan => !plan.PaidAtIntake).Select(plan => plan.Channel).Distinct().Order().ToArray();

        Assert.Equal([Channel.Taobao, Channel.Douyin, Channel.Meituan, Channel.Miniapp], unpaidChannels);
    }

    [Fact]
    public void TheMiniProgramsClientSubmitTimeIsWithinTheHubsSkewLimitOfTheSendTime()
    {
        OrderPlan plan = _plans.First(candidate => candidate.Channel == Channel.Miniapp);
        DateTimeOffset sentAt = plan.CreatedAt.AddSeconds(30);

        NormalizedOrder order = Parse(Channel.Miniapp, ChannelPayloads.For(Channel.Miniapp).Order(plan, sentAt));

        Assert.InRange((sentAt - order.ClientSubmittedAt!.Value).Duration(), TimeSpan.Zero, IntakeRules.Default.ClockSkewLimit);
    }

    private static NormalizedOrder Parse(Channel channel, JsonNode payload)
    {
        ConnectorResult<NormalizedOrder> result = _connectors.Get(channel).ParseOrder(ToElement(payload));
        Assert.True(result.IsSuccess, Describe(result.Errors));
        return result.Value;
    }

    private static JsonElement ToElement(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(", ", error.Value)}"));
}
