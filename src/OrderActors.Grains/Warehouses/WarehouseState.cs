using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Grains.Warehouses;

/// <summary>A warehouse's durable state.</summary>
public sealed record WarehouseState
{
    public WarehouseDefinition? Definition { get; init; }

    public BreakerStatus Breaker { get; init; } = new(BreakerState.Closed, null, DateTimeOffset.UnixEpoch, null);

    public double? TemperatureC { get; init; }

    public DateTimeOffset? TemperatureAt { get; init; }

    /// <summary>Since when the cold chain has been above the limit without interruption (null: it is not).</summary>
    public DateTimeOffset? AboveLimitSince { get; init; }

    public DateTimeOffset? LastCarrierEventAt { get; init; }

    public int ReroutedOrders { get; init; }

    public long TripEpoch { get; init; }
}

/// <summary>Counts how the orders of one trip reported back.</summary>
internal sealed class RerouteTracker(long epoch, IReadOnlyCollection<string> orders)
{
    private readonly HashSet<string> _expected = [.. orders];
    private readonly Dictionary<string, Abstractions.Orders.RerouteOutcome> _outcomes = new();

    public bool Record(string orderId, Abstractions.Orders.RerouteOutcome outcome) => _expected.Contains(orderId) && _outcomes.TryAdd(orderId, outcome);

    public bool IsComplete => _outcomes.Count == _expected.Count;

    public RerouteProgress Progress() => new(
        epoch,
        _expected.Count,
        _outcomes.Values.Count(o => o == Abstractions.Orders.RerouteOutcome.Rerouted),
        _outcomes.Values.Count(o => o == Abstractions.Orders.RerouteOutcome.Unroutable),
        _outcomes.Values.Count(o => o == Abstractions.Orders.RerouteOutcome.NotAffected));
}
