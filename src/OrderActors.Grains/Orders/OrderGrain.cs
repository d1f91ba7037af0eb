using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Domain.Allocation;
using OrderActors.Domain.Orders;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace OrderActors.Grains.Orders;

/// <summary>
/// One order (key <c>tenant/{channel}-{externalOrderId}</c>). Thin: it loads its state, asks the domain
/// rules, reserves stock through the buckets, writes, and only then answers. Intake answers once the
/// order is durable; reservation and allocation follow in the next turn.
/// </summary>
[GrainType("order")]
public sealed partial class OrderGrain(
    [PersistentState("order")] IPersistentState<OrderState> state,
    IOptions<HubOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain
{
    private static readonly TimeSpan ReleaseRetryPeriod = TimeSpan.FromSeconds(5);

    private string _tenant = "";
    private string _orderId = "";
    private StockReserver _stock = null!;
    private AllocationFlow _allocation = null!;

    /// <summary>
    /// An allocation may have been cut off (crash before its result was written, or a call that failed):
    /// reservations numbered from NextAttempt on may exist that the order does not list.
    /// </summary>
    private bool _mayHoldOrphans;

    private IDisposable? _releaseRetry;

    private IDisposable? _openRetry;

    private OrderRecord Order => state.State.Order ?? throw new NotFoundException($"Order {_orderId} does not exist.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = Keys.TenantOf(this.GetPrimaryKeyString());
        _orderId = Keys.LocalPart(this.GetPrimaryKeyString());
        _stock = new StockReserver(GrainFactory, _tenant);
        _allocation = new AllocationFlow(GrainFactory, _tenant, new AllocationPolicy(options.Value.Allocation), _stock,
            options.Value.AllocationAttempts, time);
        _mayHoldOrphans = state.State.Order is { Status: OrderStatus.Paid or OrderStatus.Allocated };
        if (state.State.Order is { Status: OrderStatus.Paid, HasBlockingHold: false } || !state.State.Releasing.IsEmpty || !state.State.Committing.IsEmpty
            || !state.State.Opening.IsEmpty || NeedsUnpaidWatch(state.State))
        {
            Self().ProcessAsync();
        }
        return Task.CompletedTask;
    }

    public async Task<IntakeResult> SubmitAsync(NormalizedOrder order, DateTimeOffset receivedAt)
    {
        if (state.State.Order is { } existing)
        {
            return new IntakeResult(existing.OrderId, existing.Status, Duplicate: true, existing.Holds);
        }
        if (Keys.OrderId(order.Channel, order.ExternalOrderId) != _orderId)
        {
            throw new CommandValidationException("externalOrderId", $"Order {order.Channel}/{order.ExternalOrderId} does not belong to grain {_orderId}.");
        }
        IntakeCheckResult check = await IntakeCheck.RunAsync(GrainFactory, _tenant, _orderId, order, receivedAt, options.Value.Intake);
        OrderRecord created = OrderIntake.Create(_orderId, order, check.Validation, check.ColdChainSkus, receivedAt);
        await SaveAsync(created);
        LogAccepted(_orderId, order.Channel, created.Status, created.ShippingAddress.Masked(), created.Receiver.MaskedPhone(),
            string.Join(",", created.Holds.Select(h => h.Code)));
        ContinueIfReady(created);
        return new IntakeResult(_orderId, created.Status, Duplicate: false, created.Holds);
    }

    public Task<OrderRecord?> GetAsync() => Task.FromResult(state.State.Order);

    public async Task<OrderRecord> ApplyPlatformEventAsync(PlatformEvent platformEvent)
    {
        OrderRecord before = Order;
        OrderRecord after = PlatformEvents.Apply(before, platformEvent);
        await SaveAsync(after, release: Freed(before, after));
        ContinueIfReady(after);
        await OpenPlatformReturnAsync(platformEvent);
        return Order;
    }

    public async Task<OrderRecord> ApplyCarrierEventAsync(CarrierEvent carrierEvent)
    {
        OrderRecord after = OrderCommands.ApplyCarrier(Order, carrierEvent);
        await SaveAsync(after);
        foreach (string warehouseId in after.Allocations.Select(a => a.WarehouseId).Distinct())
        {
            _ = Warehouse(warehouseId).CarrierEventSeenAsync(carrierEvent.At);
        }
        return after;
    }

    public async Task<OrderRecord> ShipAsync(string carrier, string trackingNo, string source)
    {
        OrderRecord shipped = OrderCommands.Ship(Order, carrier, trackingNo, time.GetUtcNow(), source);
        await GrainFactory.GetGrain<ITrackingIndexGrain>(Keys.Tracking(_tenant, shipped.Carrier!, shipped.TrackingNo!)).RegisterAsync(_orderId);
        await SaveAsync(shipped, commit: shipped.Allocations);
        return shipped;
    }

    public async Task<OrderRecord> CancelAsync(string? reason, string source)
    {
        OrderRecord before = Order;
        OrderRecord cancelled = OrderCommands.Cancel(before, reason, time.GetUtcNow(), source);
        await SaveAsync(cancelled, release: Freed(before, cancelled));
        return cancelled;
    }

    public async Task<OrderRecord> ReleaseHoldAsync(string? note, string source)
    {
        OrderRecord order = Order;
        CurrentMappings? current = LineRemapping.IsNeeded(order)
            ? await IntakeCheck.MappingsAsync(GrainFactory, _tenant, order.Channel, order.Lines.Select(l => l.PlatformSkuId), options.Value.Intake)
            : null;
        OrderRecord released = OrderCommands.ReleaseHolds(order, note, time.GetUtcNow(), source, current);
        await SaveAsync(released);
        if (released.Status == OrderStatus.Paid)
        {
            await AllocateAsync();
        }
        return Order;
    }

    public async Task<OrderRecord> DecryptReceiverAsync(string name, string phone, string detail, string source)
    {
        OrderRecord decrypted = OrderCommands.ReceiverDecrypted(Order, name, phone, detail, time.GetUtcNow(), source);
        await SaveAsync(decrypted);
        return decrypted;
    }

    public async Task<OrderRecord> DeliverAsync(string source)
    {
        OrderRecord delivered = OrderCommands.Deliver(Order, time.GetUtcNow(), source);
        await SaveAsync(delivered);
        return delivered;
    }

    public async Task<OrderRecord> CompleteAsync(string source)
    {
        OrderRecord completed = OrderCommands.Complete(Order, time.GetUtcNow(), source);
        await SaveAsync(completed);
        return completed;
    }

    public async Task ProcessAsync()
    {
        await SettleStockAsync();
        await DeliverOpeningsAsync();
        if (NeedsUnpaidWatch(state.State))
        {
            await WatchUnpaidAsync();
        }
        if (state.State.Order is { Status: OrderStatus.Paid, HasBlockingHold: false })
        {
            await AllocateAsync();
        }
    }

    private async Task AllocateAsync()
    {
        OrderRecord order = Order;
        if (LineRemapping.UnmappedHold(order, time.GetUtcNow()) is { } unmapped)
        {
            await SaveAsync(OrderCommands.Hold(order, [unmapped], time.GetUtcNow(), "allocation"));
            LogHeld(_orderId, unmapped.Code, unmapped.Message);
            return;
        }
        AllocationOutcome outcome = await GuardedAsync(() => _allocation.RunAsync(
            order, order.Lines.ToDictionary(l => l.LineNo, l => l.Quantity), new HashSet<string>(), state.State.NextAttempt));
        DateTimeOffset now = time.GetUtcNow();
        OrderRecord next = outcome.Hold is null
            ? OrderCommands.Allocated(order, outcome.ByLine!, outcome.Explanation, now)
            : OrderCommands.Hold(order with { AllocationExplanation = outcome.Explanation }, [outcome.Hold], now, "allocation");
        await SaveAsync(next, outcome.NextAttempt);
        if (outcome.Hold is not null)
        {
            LogHeld(_orderId, outcome.Hold.Code, outcome.Hold.Message);
        }
    }

    /// <summary>Runs an allocation, first clearing what an interrupted one may have left; marks the order if this one is cut off too.</summary>
    private async Task<AllocationOutcome> GuardedAsync(Func<Task<AllocationOutcome>> allocate)
    {
        if (_mayHoldOrphans)
        {
            await ReleaseOrphansAsync();
        }
        try
        {
            return await allocate();
        }
        catch
        {
            _mayHoldOrphans = true;
            throw;
        }
    }

    private async Task ReleaseOrphansAsync()
    {
        var lines = Order.Lines.Where(l => l.MasterSku is not null).Select(l => (l.LineNo, l.MasterSku!)).ToList();
        AllocationSnapshot snapshot = await GrainFactory.GetGrain<ICatalogGrain>(Keys.Tenant(_tenant))
            .GetAllocationSnapshotAsync(lines.Select(l => l.Item2).Distinct().ToList());
        await _stock.ReleaseAttemptsAsync(_orderId, lines, snapshot, state.State.NextAttempt, _allocation.MaxAttempts);
        _mayHoldOrphans = false;
        LogOrphansCleared(_orderId, state.State.NextAttempt);
    }

    private static IEnumerable<StockAllocation> Freed(OrderRecord before, OrderRecord after) =>
        OrderLifecycle.HoldsStock(before.Status) && !OrderLifecycle.HoldsStock(after.Status) ? before.Allocations : [];

    /// <summary>
    /// Writes the order; reservations it gives up or ships are written with it and released or committed at the
    /// buckets only afterwards, so a crash in between leaves stock held too long (settled on the next activation),
    /// never stock an order still lists taken away from it, and a failed write has touched no bucket.
    /// </summary>
    private async Task SaveAsync(
        OrderRecord order, int? nextAttempt = null, IEnumerable<StockAllocation>? release = null, IEnumerable<StockAllocation>? commit = null)
    {
        state.State = state.State with
        {
            Order = order,
            NextAttempt = nextAttempt ?? state.State.NextAttempt,
            Releasing = release is null ? state.State.Releasing : state.State.Releasing.AddRange(release),
            Committing = commit is null ? state.State.Committing : state.State.Committing.AddRange(commit),
        };
        await state.WriteStateAsync();
        await SettleStockAsync();
    }

    /// <summary>
    /// Releases what the order gave up and commits what it shipped. The change is already written, so a failure does
    /// not fail the command: it is logged and tried again every few seconds until it succeeds.
    /// </summary>
    private async Task SettleStockAsync()
    {
        if (state.State.Releasing.IsEmpty && state.State.Committing.IsEmpty)
        {
            return;
        }
        try
        {
            await _stock.ReleaseAsync(state.State.Releasing);
            state.State = state.State with { Releasing = [] };
            await _stock.CommitAsync(state.State.Committing);
            state.State = state.State with { Committing = [] };
            _releaseRetry?.Dispose();
            _releaseRetry = null;
        }
        catch (Exception ex)
        {
            LogSettleFailed(_orderId, state.State.Releasing.Count + state.State.Committing.Count, ex);
            _releaseRetry ??= this.RegisterGrainTimer(_ => SettleStockAsync(), ReleaseRetryPeriod, ReleaseRetryPeriod);
        }
    }

    /// <summary>
    /// A paid order with nothing blocking continues in its own turn (reserve, allocate), an unpaid one starts its timeout
    /// there: the caller is answered first.
    /// </summary>
    private void ContinueIfReady(OrderRecord order)
    {
        if (order is { Status: OrderStatus.Paid, HasBlockingHold: false } || NeedsUnpaidWatch(state.State))
        {
            Self().ProcessAsync();
        }
    }

    private IOrderGrain Self() => GrainFactory.GetGrain<IOrderGrain>(this.GetPrimaryKeyString());

    private IWarehouseGrain Warehouse(string warehouseId) => GrainFactory.GetGrain<IWarehouseGrain>(Keys.Warehouse(_tenant, warehouseId));

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Order {OrderId} accepted from {Channel} as {Status}, to {Address}, receiver {Phone}, holds [{Holds}]")]
    private partial void LogAccepted(string orderId, Channel channel, OrderStatus status, string address, string phone, string holds);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Order {OrderId} on hold {HoldCode}: {Reason}")]
    private partial void LogHeld(string orderId, string holdCode, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Order {OrderId} could not release or commit {Count} reservations it gave up or shipped; trying again in 5 s")]
    private partial void LogSettleFailed(string orderId, int count, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Order {OrderId} released any reservations left by interrupted attempts from {Attempt} on")]
    private partial void LogOrphansCleared(string orderId, int attempt);
}
