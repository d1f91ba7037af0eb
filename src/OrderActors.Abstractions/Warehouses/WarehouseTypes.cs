using OrderActors.Abstractions.Common;
using Orleans;

namespace OrderActors.Abstractions.Warehouses;

/// <summary>What an operator defines about a warehouse; <paramref name="SupplierId"/> names the dropship supplier that runs it.</summary>
[GenerateSerializer, Alias("oa.WarehouseDefinition")]
public sealed record WarehouseDefinition(
    string Name, GeoPoint Location, string Region, bool ColdChain, int DailyCapacity, IReadOnlyList<string> Backups,
    string? SupplierId = null);

/// <summary>Who or what moved a breaker.</summary>
[GenerateSerializer, Alias("oa.BreakerSource")]
public enum BreakerSource
{
    /// <summary>An operator (CLI, admin UI).</summary>
    Operator,
    /// <summary>Cold-chain temperature sensors.</summary>
    Sensor,
    /// <summary>A silent carrier feed.</summary>
    Carrier,
    /// <summary>The breaker's own cool-down probe.</summary>
    Probe,
}

/// <summary>A breaker's position, why and since when.</summary>
[GenerateSerializer, Immutable, Alias("oa.BreakerStatus")]
public sealed record BreakerStatus(BreakerState State, string? Reason, DateTimeOffset Since, BreakerSource? Source);

/// <summary>A warehouse as operators see it.</summary>
[GenerateSerializer, Alias("oa.WarehouseView")]
public sealed record WarehouseView(
    string WarehouseId,
    WarehouseDefinition Definition,
    BreakerStatus Breaker,
    double? TemperatureC,
    DateTimeOffset? TemperatureAt,
    DateTimeOffset? LastCarrierEventAt,
    int ReroutedOrders,
    long TripEpoch);

/// <summary>One sensor reading (cold chain).</summary>
[GenerateSerializer, Immutable, Alias("oa.SensorReading")]
public sealed record SensorReading(double TemperatureC, double? Humidity, DateTimeOffset At);

/// <summary>What a trip set in motion: how many orders were asked to move.</summary>
[GenerateSerializer, Immutable, Alias("oa.TripResult")]
public sealed record TripResult(BreakerState State, long Epoch, int AffectedOrders, bool AlreadyOpen);

/// <summary>
/// How the orders asked to move after a trip have reported back so far; <paramref name="InFlight"/> of the
/// pending ones have been told and not answered yet, the rest wait their turn.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.RerouteProgress")]
public sealed record RerouteProgress(long Epoch, int Affected, int Rerouted, int Unroutable, int NotAffected, int InFlight)
{
    public int Pending => Affected - Rerouted - Unroutable - NotAffected;
}
