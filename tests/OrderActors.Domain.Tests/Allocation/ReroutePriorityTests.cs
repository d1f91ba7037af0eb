using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Allocation;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class ReroutePriorityTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ExpressOrdersAreReroutedBeforeStandardOrdersHoweverOldThoseAre()
    {
        RerouteOrder[] orders =
        [
            new("TB-OLD", Channel.Taobao, Noon.AddDays(-2)),
            new("MT-NEW", Channel.Meituan, Noon),
        ];

        IReadOnlyList<RerouteOrder> sorted = ReroutePriority.Sort(orders, AllocationRules.Default);

        Assert.Equal(["MT-NEW", "TB-OLD"], sorted.Select(order => order.OrderId));
    }

    [Fact]
    public void WithinATierTheOldestOrderGoesFirst()
    {
        RerouteOrder[] orders =
        [
            new("MT-2", Channel.Meituan, Noon.AddMinutes(-5)),
            new("JD-1", Channel.Jd, Noon.AddMinutes(-30)),
            new("MT-1", Channel.Meituan, Noon.AddMinutes(-40)),
            new("TB-1", Channel.Taobao, Noon.AddMinutes(-90)),
        ];

        IReadOnlyList<RerouteOrder> sorted = ReroutePriority.Sort(orders, AllocationRules.Default);

        Assert.Equal(["MT-1", "MT-2", "TB-1", "JD-1"], sorted.Select(order => order.OrderId));
    }

    [Fact]
    public void OrdersWaitingSinceTheSameInstantGoInOrderIdOrderWhateverTheInputOrder()
    {
        RerouteOrder[] orders =
        [
            new("PDD-9", Channel.Pdd, Noon),
            new("PDD-1", Channel.Pdd, Noon),
            new("PDD-5", Channel.Pdd, Noon),
        ];

        IReadOnlyList<RerouteOrder> sorted = ReroutePriority.Sort(orders, AllocationRules.Default);

        Assert.Equal(["PDD-1", "PDD-5", "PDD-9"], sorted.Select(order => order.OrderId));
    }

    [Fact]
    public void WhichChannelsAreExpressComesFromTheRules()
    {
        AllocationRules rules = AllocationRules.Default with
        {
            Channels = new Dictionary<Channel, ChannelRule> { [Channel.Jd] = new(ServiceTier.Express, ColdChainWarehousesOnly: false) },
        };
        RerouteOrder[] orders =
        [
            new("MT-1", Channel.Meituan, Noon.AddHours(-1)),
            new("JD-1", Channel.Jd, Noon),
        ];

        IReadOnlyList<RerouteOrder> sorted = ReroutePriority.Sort(orders, rules);

        Assert.Equal(["JD-1", "MT-1"], sorted.Select(order => order.OrderId));
    }
}
