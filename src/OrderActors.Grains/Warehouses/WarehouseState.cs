using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Grains.Warehouses;

/// <summary>A warehouse's durable state.</summary>
[GenerateSerializer, Alias("oa.WarehouseState")]
public sealed record WarehouseState
{
    [Id(0)]
    public WarehouseDefinition? Definition { get; init; }

    [Id(1)]
    public BreakerStatus Breaker { get; init; } = new(BreakerState.Closed, null, DateTimeOffset.UnixEpoch, null);

    [Id(2)]
    public double? TemperatureC { get; init; }

    [Id(3)]
    public DateTimeOffset? TemperatureAt { get; init; }

    /// <summary>Since when the cold chain has been above the limit without interruption (null: it is not).</summary>
    [Id(4)]
    public DateTimeOffset? AboveLimitSince { get; init; }

    [Id(5)]
    public DateTimeOffset? LastCarrierEventAt { get; init; }

    [Id(6)]
    public int ReroutedOrders { get; init; }

    [Id(7)]
    public long TripEpoch { get; init; }

    /// <summary>The last trip whose orders all reported back; a later one still open is resumed on activation.</summary>
    [Id(8)]
    public long SettledEpoch { get; init; }
}
