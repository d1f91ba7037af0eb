using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Domain.Allocation;
using OrderActors.Domain.Warehouses;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Warehouses;

/// <summary>
/// One warehouse and its breaker (key <c>tenant/warehouseId</c>). Opening closes the warehouse's stock
/// buckets — each in one turn, so no reservation slips in after — and tells each order that holds stock
/// there to move, one-way, a window at a time; the orders report back one-way, and the warehouse
/// releases what they held there in batches. So the closed buckets always list the orders still to
/// move: a trip cut off by a crash is resumed from them when the warehouse activates again. It awaits
/// the catalog, the stock roots and buckets, never an order, so no call cycle can form.
/// </summary>
[GrainType("warehouse")]
public sealed partial class WarehouseGrain(
    [PersistentState("warehouse")] IPersistentState<WarehouseState> state,
    IOptions<HubOptions> options,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ILogger<WarehouseGrain> logger) : Grain, IWarehouseGrain, IRemindable
{
    private const int ReleaseBatchSize = 64;

    /// <summary>The minute check for carrier silence and a cooled-down breaker.</summary>
    private const string WatchReminder = "watch";

    private readonly Dictionary<long, RerouteTracker> _trips = new();
    private readonly ReleaseBatches _releases = new(ReleaseBatchSize);
    private IDisposable? _rerouteWatch;
    private string _tenant = "";
    private string _warehouseId = "";
    private bool _carrierSeenUnsaved;

    private WarehouseDefinition Definition => state.State.Definition ?? throw new NotFoundException($"Warehouse {_warehouseId} is not defined.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = Keys.TenantOf(this.GetPrimaryKeyString());
        _warehouseId = Keys.LocalPart(this.GetPrimaryKeyString());
        if (state.State is { Breaker.State: BreakerState.Open, Definition: not null } && state.State.SettledEpoch < state.State.TripEpoch)
        {
            this.RegisterGrainTimer(_ => ResumeReroutesAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        if (state.State.Definition is not null && await this.GetReminder(WatchReminder) is null)
        {
            await this.RegisterOrUpdateReminder(WatchReminder, options.Value.WarehouseCheckPeriod, options.Value.WarehouseCheckPeriod);
            LogWatchRestored(_warehouseId);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => state.State.Definition is null
        ? Task.CompletedTask
        : state.WriteStateAsync();

    public async Task<WarehouseView> UpsertAsync(WarehouseDefinition definition)
    {
        Validate(definition);
        bool first = state.State.Definition is null;
        state.State = first
            ? state.State with { Definition = definition, Breaker = new BreakerStatus(BreakerState.Closed, null, time.GetUtcNow(), null) }
            : state.State with { Definition = definition };
        await state.WriteStateAsync();
        await PublishAsync();
        if (first)
        {
            await this.RegisterOrUpdateReminder(WatchReminder, options.Value.WarehouseCheckPeriod, options.Value.WarehouseCheckPeriod);
        }
        return View();
    }

    public Task<WarehouseView?> GetAsync() => Task.FromResult(state.State.Definition is null ? null : View());

    public async Task<TripResult> TripAsync(string reason, BreakerSource source)
    {
        RequireDefined();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CommandValidationException("reason", "Say why the breaker trips.");
        }
        if (state.State.Breaker.State == BreakerState.Open)
        {
            return new TripResult(BreakerState.Open, state.State.TripEpoch, 0, AlreadyOpen: true);
        }
        long epoch = state.State.TripEpoch + 1;
        state.State = state.State with { Breaker = new BreakerStatus(BreakerState.Open, reason, time.GetUtcNow(), source), TripEpoch = epoch };
        await state.WriteStateAsync();
        await PublishAsync();
        int affected = await StartReroutesAsync(epoch, reason);
        LogTripped(_warehouseId, source, reason, affected);
        return new TripResult(BreakerState.Open, epoch, affected, AlreadyOpen: false);
    }

    public async Task<WarehouseView> ResetAsync(string source)
    {
        RequireDefined();
        if (state.State.Breaker.State == BreakerState.Closed)
        {
            return View();
        }
        DateTimeOffset now = time.GetUtcNow();
        state.State = state.State with
        {
            Breaker = new BreakerStatus(BreakerState.Closed, $"reset by {source}", now, BreakerSource.Operator),
            AboveLimitSince = null,
            LastCarrierEventAt = state.State.LastCarrierEventAt is null ? null : now,
        };
        await state.WriteStateAsync();
        await ReopenStockAsync();
        await PublishAsync();
        LogReset(_warehouseId, source);
        return View();
    }

    public async Task<WarehouseView> RecordSensorAsync(SensorReading reading)
    {
        SensorVerdict verdict = BreakerPolicy.OnReading(Definition.ColdChain, state.State.AboveLimitSince, reading, options.Value.Breakers);
        state.State = state.State with { TemperatureC = reading.TemperatureC, TemperatureAt = reading.At, AboveLimitSince = verdict.AboveSince };
        await state.WriteStateAsync();
        if (verdict.TripReason is { } reason && state.State.Breaker.State != BreakerState.Open)
        {
            await TripAsync(reason, BreakerSource.Sensor);
        }
        return View();
    }

    public Task CarrierEventSeenAsync(DateTimeOffset at)
    {
        if (state.State.LastCarrierEventAt is null || at > state.State.LastCarrierEventAt)
        {
            state.State = state.State with { LastCarrierEventAt = at };
            _carrierSeenUnsaved = true;
        }
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckAsync();

    public async Task<WarehouseView> CheckAsync()
    {
        if (state.State.Definition is null)
        {
            return View();
        }
        if (_carrierSeenUnsaved)
        {
            await state.WriteStateAsync();
            _carrierSeenUnsaved = false;
        }
        DateTimeOffset now = time.GetUtcNow();
        BreakerStatus breaker = state.State.Breaker;
        if (breaker.State != BreakerState.Open && BreakerPolicy.CarrierSilence(state.State.LastCarrierEventAt, now, options.Value.Breakers) is { } silence)
        {
            await TripAsync(silence, BreakerSource.Carrier);
        }
        else if (BreakerPolicy.MayProbe(breaker, now, CauseCleared(breaker), options.Value.Breakers))
        {
            state.State = state.State with { Breaker = new BreakerStatus(BreakerState.HalfOpen, $"probing after {breaker.Reason}", now, BreakerSource.Probe) };
            await state.WriteStateAsync();
            if (options.Value.Allocation.AllowHalfOpenWarehouses)
            {
                await ReopenStockAsync();
            }
            await PublishAsync();
            LogHalfOpen(_warehouseId);
        }
        return View();
    }

    private void RequireDefined()
    {
        if (state.State.Definition is null)
        {
            throw new NotFoundException($"Warehouse {_warehouseId} is not defined.");
        }
    }

    private bool CauseCleared(BreakerStatus breaker) => breaker.Source switch
    {
        BreakerSource.Sensor => state.State.AboveLimitSince is null,
        BreakerSource.Carrier => state.State.LastCarrierEventAt > breaker.Since,
        _ => true,
    };

    private async Task ReopenStockAsync()
    {
        IReadOnlyList<string> skus = await Catalog().SkusAtAsync(_warehouseId);
        await Task.WhenAll(skus.Select(sku => Stock(sku).ReopenAsync()));
    }

    private Task PublishAsync()
    {
        WarehouseDefinition d = Definition;
        return Catalog().UpsertWarehouseAsync(new WarehouseSummary(_warehouseId, d.Name, d.Location, d.Region, d.ColdChain, d.DailyCapacity, d.Backups,
            state.State.Breaker.State, d.SupplierId));
    }

    private WarehouseView View() => new(_warehouseId, Definition, state.State.Breaker, state.State.TemperatureC, state.State.TemperatureAt,
        state.State.LastCarrierEventAt, state.State.ReroutedOrders, state.State.TripEpoch);

    private static void Validate(WarehouseDefinition d)
    {
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            throw new CommandValidationException("name", "A warehouse needs a name.");
        }
        if (d.Location.Latitude is < -90 or > 90 || d.Location.Longitude is < -180 or > 180)
        {
            throw new CommandValidationException("latitude", "Latitude is -90…90 and longitude -180…180.");
        }
        if (d.DailyCapacity < 0)
        {
            throw new CommandValidationException("dailyCapacity", "Daily capacity cannot be negative.");
        }
    }

    private ICatalogGrain Catalog() => GrainFactory.GetGrain<ICatalogGrain>(Keys.Tenant(_tenant));

    private ISkuStockGrain Stock(string sku) => GrainFactory.GetGrain<ISkuStockGrain>(Keys.Stock(_tenant, sku, _warehouseId));

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Breaker of {Warehouse} tripped by {Source}: {Reason}; rerouting {Orders} orders")]
    private partial void LogTripped(string warehouse, BreakerSource source, string reason, int orders);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Breaker of {Warehouse} reset by {Source}")]
    private partial void LogReset(string warehouse, string source);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Warehouse {Warehouse} had no watch reminder (a database from before the move to Orleans): registered it")]
    private partial void LogWatchRestored(string warehouse);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Breaker of {Warehouse} half-open: cooled down and its cause cleared")]
    private partial void LogHalfOpen(string warehouse);
}
