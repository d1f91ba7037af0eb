using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Traffic;

/// <summary>
/// Draws simulated orders: channel by the merchant's mix, buyers by district demand, SKUs by Zipf popularity,
/// then discounts, shipping and what the buyer does next. Seeded, so a run's traffic can be replayed; not
/// thread-safe (the scheduler calls it from one loop).
/// </summary>
public sealed class OrderPlanner
{
    private readonly Catalog _catalog;
    private readonly TrafficMix _mix;
    private readonly int _runTag;
    private readonly Random _random;
    private readonly ZipfSampler _skus;
    private readonly WeightedChoice<ChannelTraits> _channels;
    private readonly WeightedChoice<MainlandPlace> _places;
    private long _sequence;

    public OrderPlanner(Catalog catalog, TrafficMix mix, int seed, int runTag)
    {
        _catalog = catalog;
        _mix = mix;
        _runTag = runTag;
        _random = new Random(seed);
        _skus = new ZipfSampler(catalog.ByRank.Count, mix.ZipfExponent);
        _channels = new WeightedChoice<ChannelTraits>(ChannelTraits.All, traits => traits.TrafficWeight);
        _places = new WeightedChoice<MainlandPlace>(MainlandPlaces.All, place => place.DemandWeight);
    }

    /// <summary>Orders planned so far.</summary>
    public long Planned => _sequence;

    /// <summary>The next order, created now; follow-ups that would fall after <paramref name="followUpsUntil"/> are left out.</summary>
    public OrderPlan Next(DateTimeOffset now, DateTimeOffset followUpsUntil)
    {
        ChannelTraits traits = _channels.Pick(_random);
        bool unpaid = traits.SendsUnpaidOrders && _random.NextDouble() < _mix.UnpaidShare;
        List<PlanLine> lines = DrawLines(traits);
        OrderPlan plan = Compose(traits.Channel, _places.Pick(_random), lines, now, unpaid);
        return plan with { FollowUps = DrawFollowUps(unpaid, now, followUpsUntil) };
    }

    /// <summary>A paid one-line order for <paramref name="sku"/> from a buyer in <paramref name="place"/>, without follow-ups.</summary>
    public OrderPlan Single(CatalogSku sku, Channel channel, MainlandPlace place, DateTimeOffset now) =>
        Compose(channel, place, [new PlanLine(sku, 1, 0)], now, unpaid: false);

    private OrderPlan Compose(Channel channel, MainlandPlace place, List<PlanLine> lines, DateTimeOffset now, bool unpaid)
    {
        long sequence = ++_sequence;
        DateTimeOffset created = unpaid || channel == Channel.Miniapp ? now.AddSeconds(-1) : now.AddSeconds(-_random.Next(5, 90));
        DateTimeOffset? paid = unpaid ? null : now.AddMilliseconds(-_random.Next(200, 900));
        long net = lines.Sum(line => line.GoodsFen - line.LineDiscountFen);
        return new OrderPlan(
            sequence,
            _runTag,
            channel,
            ExternalOrderIds.For(channel, _runTag, sequence, created),
            BuyerFactory.Create(_random, channel, place),
            lines,
            ShippingFen(channel, net),
            OrderDiscountFen(net),
            created,
            paid,
            PlanFollowUps.None);
    }

    private List<PlanLine> DrawLines(ChannelTraits traits)
    {
        int count = 1 + WeightedIndex.Pick(_random, _mix.LineCountWeights);
        var chosen = new List<CatalogSku>(count);
        for (int attempt = 0; chosen.Count < count && attempt < count * 4; attempt++)
        {
            CatalogSku sku = _catalog.ByRank[_skus.Sample(_random)];
            if (!chosen.Contains(sku))
            {
                chosen.Add(sku);
            }
        }
        return chosen.Select(sku =>
        {
            int quantity = 1 + WeightedIndex.Pick(_random, _mix.QuantityWeights);
            long goods = sku.UnitPriceFen * quantity;
            long discount = traits.HasLineDiscounts && _random.NextDouble() < _mix.LineDiscountShare
                ? goods * _random.Next(5, 16) / 100
                : 0;
            return new PlanLine(sku, quantity, discount);
        }).ToList();
    }

    /// <summary>Free shipping from ¥99 except on Meituan, whose courier always charges ¥5.</summary>
    private static long ShippingFen(Channel channel, long netGoodsFen) =>
        channel == Channel.Meituan ? 500 : netGoodsFen >= 9900 ? 0 : 800;

    /// <summary>满减: ¥50 off from ¥300, ¥20 off from ¥200, ¥10 off from ¥100.</summary>
    private static long OrderDiscountFen(long netGoodsFen) =>
        netGoodsFen >= 30000 ? 5000 : netGoodsFen >= 20000 ? 2000 : netGoodsFen >= 10000 ? 1000 : 0;

    private PlanFollowUps DrawFollowUps(bool unpaid, DateTimeOffset now, DateTimeOffset until)
    {
        TimeSpan? pay = null;
        TimeSpan? cancel = null;
        if (unpaid && _random.NextDouble() < _mix.PaysLaterShare)
        {
            pay = Draw(_mix.PayDelay);
            cancel = _random.NextDouble() < _mix.CancelShare ? pay + Draw(_mix.CancelDelay) : null;
        }
        else if (unpaid)
        {
            cancel = _mix.PayDelay.Max + Draw(_mix.CancelDelay);
        }
        else if (_random.NextDouble() < _mix.CancelShare)
        {
            cancel = Draw(_mix.CancelDelay);
        }
        TimeSpan? repost = _random.NextDouble() < _mix.RepostShare ? Draw(_mix.RepostDelay) : null;
        TimeSpan left = until - now;
        return new PlanFollowUps(Within(pay, left), pay is not null && pay > left ? null : Within(cancel, left), Within(repost, left));
    }

    private static TimeSpan? Within(TimeSpan? delay, TimeSpan left) => delay is { } value && value <= left ? value : null;

    private TimeSpan Draw((TimeSpan Min, TimeSpan Max) range) =>
        range.Min + (range.Max - range.Min) * _random.NextDouble();
}
