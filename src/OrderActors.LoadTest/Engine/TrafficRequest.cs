using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Engine;

/// <summary>What a simulated platform sends: a new order, the same order pushed again, or a later status message.</summary>
public enum RequestKind
{
    Order,
    Repost,
    Pay,
    Cancel,
}

/// <summary>One request of the traffic: what to send, about which order.</summary>
public sealed record TrafficRequest(RequestKind Kind, OrderPlan Plan);
