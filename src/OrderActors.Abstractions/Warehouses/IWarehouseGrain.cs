using OrderActors.Abstractions.Orders;
using Orleans;
using Orleans.Concurrency;

namespace OrderActors.Abstractions.Warehouses;

/// <summary>
/// One warehouse (key: <c>tenant/{warehouseId}</c>) and its breaker: Closed → Open → HalfOpen → Closed.
/// Tripped by an operator, by sensors (cold chain above 8 °C for 5 minutes) or by a carrier feed silent
/// for 30 minutes; opening reroutes every order allocated there and not yet shipped.
/// </summary>
[Alias("oa.IWarehouseGrain")]
public interface IWarehouseGrain : IGrainWithStringKey
{
    /// <summary>Creates or changes the warehouse's definition.</summary>
    [Alias("UpsertAsync")]
    Task<WarehouseView> UpsertAsync(WarehouseDefinition definition);

    /// <summary>The warehouse, or null when it was never defined.</summary>
    [Alias("GetAsync")]
    Task<WarehouseView?> GetAsync();

    /// <summary>Opens the breaker: closes the warehouse's stock and asks every order holding stock there to move.</summary>
    [Alias("TripAsync")]
    Task<TripResult> TripAsync(string reason, BreakerSource source);

    /// <summary>How the orders of a trip reported back so far.</summary>
    [Alias("GetRerouteProgressAsync")]
    Task<RerouteProgress> GetRerouteProgressAsync(long epoch);

    /// <summary>Closes the breaker (operator): the warehouse takes orders again.</summary>
    [Alias("ResetAsync")]
    Task<WarehouseView> ResetAsync(string source);

    /// <summary>Records a sensor reading; trips a cold-chain warehouse above the limit for long enough.</summary>
    [Alias("RecordSensorAsync")]
    Task<WarehouseView> RecordSensorAsync(SensorReading reading);

    /// <summary>A carrier reported on a parcel from this warehouse (one-way, from the order).</summary>
    [OneWay]
    [Alias("CarrierEventSeenAsync")]
    Task CarrierEventSeenAsync(DateTimeOffset at);

    /// <summary>An order asked to move reports what happened (one-way, from the order).</summary>
    [OneWay]
    [Alias("RerouteReportAsync")]
    Task RerouteReportAsync(long epoch, string orderId, RerouteOutcome outcome);

    /// <summary>Checks the carrier feed and the breaker's cool-down now (the reminder does this every minute).</summary>
    [Alias("CheckAsync")]
    Task<WarehouseView> CheckAsync();
}
