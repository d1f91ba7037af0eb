using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Tests.Support;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Tests.Traffic;

public sealed class OrderPlannerTests
{
    private static readonly IReadOnlyList<OrderPlan> _plans = GeneratedOrders.Plans(20_000);

    [Fact]
    public void AmountsAddUpOnEveryOrder()
    {
        Assert.All(_plans, plan =>
        {
            Assert.Equal(plan.GoodsFen - plan.LineDiscountsFen - plan.OrderDiscountFen + plan.ShippingFen, plan.PaidFen);
            Assert.True(plan.PaidFen > 0);
            Assert.All(plan.Lines, line => Assert.InRange(line.LineDiscountFen, 0, line.GoodsFen));
        });
    }

    [Fact]
    public void TheChannelMixAndTheUnpaidPaidCancelAndRepostSharesFollowTheTrafficMix()
    {
        TrafficMix mix = TrafficMix.Default;
        double taobao = _plans.Count(plan => plan.Channel == Channel.Taobao) / (double)_plans.Count;
        OrderPlan[] unpaidCapable = _plans.Where(plan => ChannelTraits.For(plan.Channel).SendsUnpaidOrders).ToArray();
        double unpaid = unpaidCapable.Count(plan => !plan.PaidAtIntake) / (double)unpaidCapable.Length;
        OrderPlan[] unpaidPlans = unpaidCapable.Where(plan => !plan.PaidAtIntake).ToArray();
        double paysLater = unpaidPlans.Count(plan => plan.FollowUps.PayAfter is not null) / (double)unpaidPlans.Length;
        double reposts = _plans.Count(plan => plan.FollowUps.RepostAfter is not null) / (double)_plans.Count;

        Assert.InRange(taobao, 0.33, 0.37);
        Assert.InRange(unpaid, mix.UnpaidShare - 0.02, mix.UnpaidShare + 0.02);
        Assert.InRange(paysLater, mix.PaysLaterShare - 0.03, mix.PaysLaterShare + 0.03);
        Assert.InRange(reposts, mix.RepostShare - 0.01, mix.RepostShare + 0.01);
        Assert.All(unpaidPlans.Where(plan => plan.FollowUps.PayAfter is null), plan => Assert.NotNull(plan.FollowUps.CancelAfter));
    }

    [Fact]
    public void FollowUpsThatWouldFallAfterTheDeadlineAreLeftOut()
    {
        OrderPlanner planner = GeneratedOrders.Planner();
        DateTimeOffset now = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
        TimeSpan left = TimeSpan.FromSeconds(3);

        OrderPlan[] plans = Enumerable.Range(0, 5_000).Select(_ => planner.Next(now, now + left)).ToArray();
        TimeSpan?[] delays = plans.SelectMany(plan => new[] { plan.FollowUps.PayAfter, plan.FollowUps.CancelAfter, plan.FollowUps.RepostAfter }).ToArray();

        Assert.All(delays.OfType<TimeSpan>(), delay => Assert.True(delay <= left));
        Assert.Contains(plans, plan => plan.FollowUps.PayAfter is not null);
    }

    [Fact]
    public void SkusFollowPopularityAndAnOrderNeverRepeatsASku()
    {
        Dictionary<int, int> linesByRank = _plans.SelectMany(plan => plan.Lines).GroupBy(line => line.Sku.Rank).ToDictionary(group => group.Key, group => group.Count());

        Assert.True(linesByRank[0] > linesByRank[1] && linesByRank[1] > linesByRank[5] && linesByRank[5] > linesByRank.GetValueOrDefault(100));
        Assert.All(_plans, plan => Assert.Equal(plan.Lines.Count, plan.Lines.Select(line => line.Sku).Distinct().Count()));
    }

    [Fact]
    public void ExternalIdsAreUniqueAndTheSameSeedReplaysTheSameTraffic()
    {
        IReadOnlyList<OrderPlan> again = GeneratedOrders.Plans(2_000);

        Assert.Equal(_plans.Count, _plans.Select(plan => plan.OrderId).Distinct().Count());
        Assert.Equal(_plans.Take(2_000).Select(plan => (plan.OrderId, plan.PaidFen, plan.Receiver.Phone)), again.Select(plan => (plan.OrderId, plan.PaidFen, plan.Receiver.Phone)));
    }
}
