using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Traffic;

/// <summary>
/// What a platform's payloads can express, which decides what the planner may generate for it: JD and PDD only
/// hand over paid orders (their status tables have no unpaid status); Douyin, PDD and Meituan carry no
/// per-line seller discount in the fields the hub reads.
/// </summary>
public sealed record ChannelTraits(Channel Channel, int TrafficWeight, bool SendsUnpaidOrders, bool HasLineDiscounts)
{
    /// <summary>The channel mix of a mid-sized merchant: Taobao first, then PDD, Douyin and JD, a little Meituan and mini-program.</summary>
    public static IReadOnlyList<ChannelTraits> All { get; } =
    [
        new(Channel.Taobao, 35, SendsUnpaidOrders: true, HasLineDiscounts: true),
        new(Channel.Jd, 15, SendsUnpaidOrders: false, HasLineDiscounts: true),
        new(Channel.Pdd, 20, SendsUnpaidOrders: false, HasLineDiscounts: false),
        new(Channel.Douyin, 18, SendsUnpaidOrders: true, HasLineDiscounts: false),
        new(Channel.Meituan, 5, SendsUnpaidOrders: true, HasLineDiscounts: false),
        new(Channel.Miniapp, 7, SendsUnpaidOrders: true, HasLineDiscounts: true),
    ];

    public static ChannelTraits For(Channel channel) => All.First(traits => traits.Channel == channel);
}
