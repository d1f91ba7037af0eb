using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Stock;
using Orleans;
using OrderActors.Persistence.Journal;
using Orleans.Runtime;

namespace OrderActors.Grains.Stock;

/// <summary>
/// One stock bucket (key <c>tenant/sku@warehouse#b</c>). A reservation is granted only from what is
/// available, appended to the journal, and only then answered; so reserved never exceeds on hand, and
/// nothing acknowledged is lost. After every change the bucket reports its levels one-way to the catalog.
/// </summary>
[GrainType("stockbucket")]
public sealed class StockBucketGrain([JournaledState("bucket")] IJournaledState<BucketState, BucketEvent> journal)
    : Grain, IStockBucketGrain
{
    private string _tenant = "";
    private string _sku = "";
    private string _warehouseId = "";
    private int _bucket;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = Keys.TenantOf(this.GetPrimaryKeyString());
        (_sku, _warehouseId, _bucket) = Keys.ParseStock(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<ReserveOutcome> ReserveAsync(string reservationId, string orderId, int quantity, bool allowPartial)
    {
        if (quantity <= 0)
        {
            throw new CommandValidationException("quantity", $"A reservation needs a positive quantity, not {quantity}.");
        }
        BucketState state = journal.State;
        if (state.Reservations.TryGetValue(reservationId, out Reservation? existing))
        {
            return ReserveOutcome.Full(existing.Quantity);
        }
        if (state.Closed)
        {
            return new ReserveOutcome(0, ReserveRefusal.Closed);
        }
        int granted = allowPartial ? Math.Min(quantity, state.Available) : (state.Available >= quantity ? quantity : 0);
        if (granted == 0)
        {
            return new ReserveOutcome(0, ReserveRefusal.Insufficient);
        }
        await journal.AppendAsync(new StockReserved(reservationId, orderId, granted));
        Report();
        return new ReserveOutcome(granted, granted < quantity ? ReserveRefusal.Insufficient : null);
    }

    public async Task ReleaseAsync(string reservationId)
    {
        if (journal.State.Reservations.ContainsKey(reservationId))
        {
            await journal.AppendAsync(new StockReleased(reservationId));
            Report();
        }
    }

    public async Task ReleaseManyAsync(IReadOnlyList<string> reservationIds)
    {
        BucketEvent[] released = reservationIds.Distinct().Where(journal.State.Reservations.ContainsKey).Select(id => (BucketEvent)new StockReleased(id)).ToArray();
        if (released.Length > 0)
        {
            await journal.AppendAsync(released);
            Report();
        }
    }

    public async Task CommitAsync(string reservationId)
    {
        if (journal.State.Reservations.ContainsKey(reservationId))
        {
            await journal.AppendAsync(new StockCommitted(reservationId));
            Report();
        }
    }

    public async Task<BucketSnapshot> ReturnAsync(string receiptId, int quantity)
    {
        if (quantity <= 0)
        {
            throw new CommandValidationException("quantity", $"A return puts back a positive quantity, not {quantity}.");
        }
        if (!journal.State.RecentReceipts.Contains(receiptId))
        {
            await journal.AppendAsync(new StockReturned(receiptId, quantity));
            Report();
        }
        return Snapshot();
    }

    public Task<BucketSnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot());

    public async Task<BucketSnapshot> AssignAsync(int onHand, int safetyStock, long expectedVersion)
    {
        BucketState state = journal.State;
        if (journal.Version != expectedVersion)
        {
            throw new ConflictException($"Bucket {this.GetPrimaryKeyString()} changed (version {journal.Version}, expected {expectedVersion}); recount.");
        }
        if (onHand < state.Reserved || onHand < 0 || safetyStock < 0)
        {
            throw new ConflictException($"Bucket {this.GetPrimaryKeyString()}: on hand {onHand} is below the {state.Reserved} units reserved.");
        }
        if (onHand != state.OnHand || safetyStock != state.SafetyStock)
        {
            await journal.AppendAsync(new StockAssigned(onHand, safetyStock));
            Report();
        }
        return Snapshot();
    }

    public async Task<IReadOnlyList<Reservation>> CloseAsync()
    {
        if (!journal.State.Closed)
        {
            await journal.AppendAsync(new BucketClosed());
        }
        return [.. journal.State.Reservations.Values];
    }

    public async Task ReopenAsync()
    {
        if (journal.State.Closed)
        {
            await journal.AppendAsync(new BucketReopened());
        }
    }

    private BucketSnapshot Snapshot()
    {
        BucketState state = journal.State;
        return new BucketSnapshot(_sku, _warehouseId, _bucket, state.OnHand, state.Reserved, state.SafetyStock, state.Closed,
            [.. state.Reservations.Values], journal.Version);
    }

    private void Report()
    {
        BucketState state = journal.State;
        GrainFactory.GetGrain<ICatalogGrain>(Keys.Tenant(_tenant))
            .ReportLevelAsync(new BucketLevel(_sku, _warehouseId, _bucket, state.OnHand, state.Reserved, state.SafetyStock, journal.Version));
    }
}
