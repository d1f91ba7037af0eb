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

    /// <summary>The last trip whose orders all reported back; a later one still open is resumed on activation.</summary>
    public long SettledEpoch { get; init; }
}
