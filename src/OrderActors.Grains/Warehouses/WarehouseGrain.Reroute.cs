using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Domain.Allocation;

namespace OrderActors.Grains.Warehouses;

/// <summary>Telling the orders that hold stock at a tripped warehouse to move, following them up, and releasing what they left.</summary>
public sealed partial class WarehouseGrain
{
    public Task<RerouteProgress> GetRerouteProgressAsync(long epoch) =>
        Task.FromResult(_trips.TryGetValue(epoch, out RerouteTracker? tracker) ? tracker.Progress() : new RerouteProgress(epoch, 0, 0, 0, 0, 0));

    public async Task RerouteReportAsync(long epoch, string orderId, RerouteOutcome outcome)
    {
        if (!_trips.TryGetValue(epoch, out RerouteTracker? tracker) || !tracker.Record(orderId, outcome))
        {
            return;
        }
        if (outcome == RerouteOutcome.Rerouted)
        {
            state.State = state.State with { ReroutedOrders = state.State.ReroutedOrders + 1 };
        }
        _releases.Add(tracker.HeldBy(orderId));
        if (!tracker.IsComplete)
        {
            Tell(tracker, tracker.TakeNext(options.Value.RerouteWindow, time.GetUtcNow()));
        }
        await ReleaseAsync(everything: tracker.IsComplete);
        await SettleCompleteAsync();
    }

    /// <summary>Closes the stock (again, if resuming: closing is idempotent) and tells the orders holding it to move.</summary>
    private async Task<int> StartReroutesAsync(long epoch, string reason)
    {
        IReadOnlyList<string> skus = await Catalog().SkusAtAsync(_warehouseId);
        IReadOnlyList<HeldReservation>[] closed = await Task.WhenAll(skus.Select(sku => Stock(sku).CloseAsync()));
        List<HeldReservation> held = closed.SelectMany(c => c).ToList();
        IReadOnlyList<string> orders = ReroutePriority.Sort(
                held.Select(h => h.Reservation.OrderId).Distinct().Select(id => new RerouteOrder(id, ChannelOf(id), time.GetUtcNow())),
                options.Value.Allocation)
            .Select(o => o.OrderId).ToList();
        var tracker = new RerouteTracker(epoch, reason, orders, held);
        _trips[epoch] = tracker;
        Tell(tracker, tracker.TakeNext(options.Value.RerouteWindow, time.GetUtcNow()));
        await SettleCompleteAsync();
        if (!tracker.Settled)
        {
            TimeSpan period = options.Value.RerouteRetryAfter / 3;
            _rerouteWatch ??= this.RegisterGrainTimer(_ => FollowUpAsync(), period, period);
        }
        return orders.Count;
    }

    private async Task ResumeReroutesAsync()
    {
        long epoch = state.State.TripEpoch;
        if (state.State.Breaker.State == BreakerState.Open && state.State.SettledEpoch < epoch && !_trips.ContainsKey(epoch))
        {
            int orders = await StartReroutesAsync(epoch, state.State.Breaker.Reason ?? "breaker open");
            LogResumed(_warehouseId, epoch, orders);
        }
    }

    /// <summary>Tells again the orders that did not answer in time, releases what gathered, settles what completed.</summary>
    private async Task FollowUpAsync()
    {
        foreach (RerouteTracker tracker in _trips.Values.Where(t => !t.IsComplete))
        {
            List<string> overdue = tracker.TakeOverdue(options.Value.RerouteRetryAfter, time.GetUtcNow());
            if (overdue.Count > 0)
            {
                LogRetelling(_warehouseId, tracker.Epoch, overdue.Count);
                Tell(tracker, overdue);
            }
        }
        await ReleaseAsync(everything: true);
        await SettleCompleteAsync();
        if (_trips.Values.All(t => t.Settled))
        {
            _rerouteWatch?.Dispose();
            _rerouteWatch = null;
        }
    }

    private void Tell(RerouteTracker tracker, IEnumerable<string> orderIds)
    {
        foreach (string orderId in orderIds)
        {
            _ = GrainFactory.GetGrain<IOrderGrain>(Keys.Order(_tenant, orderId)).RerouteAsync(new RerouteRequest(_warehouseId, tracker.Epoch, tracker.Reason));
        }
    }

    /// <summary>
    /// Releases what the orders that reported back held in the closed buckets: each has moved away, gone
    /// on hold or no longer lists it, and the ids are never reused. A failed batch is kept for the next try.
    /// </summary>
    private async Task ReleaseAsync(bool everything)
    {
        List<ReleaseBatch> batches = _releases.Take(everything);
        try
        {
            await Task.WhenAll(batches.Select(b =>
                GrainFactory.GetGrain<IStockBucketGrain>(Keys.Bucket(_tenant, b.Sku, _warehouseId, b.Bucket)).ReleaseManyAsync(b.ReservationIds)));
        }
        catch
        {
            _releases.Return(batches);
            throw;
        }
    }

    /// <summary>Records complete trips as settled once nothing they freed is left to release.</summary>
    private async Task SettleCompleteAsync()
    {
        foreach (RerouteTracker tracker in _trips.Values.Where(t => t is { IsComplete: true, Settled: false }).ToList())
        {
            if (!_releases.IsEmpty)
            {
                return;
            }
            state.State = state.State with { SettledEpoch = Math.Max(state.State.SettledEpoch, tracker.Epoch) };
            await state.WriteStateAsync();
            tracker.Settled = true;
            RerouteProgress progress = tracker.Progress();
            LogRerouteDone(_warehouseId, tracker.Epoch, progress.Rerouted, progress.Unroutable, progress.NotAffected);
        }
    }

    private static Channel ChannelOf(string orderId) =>
        ChannelNames.TryParse(orderId[..Math.Max(0, orderId.IndexOf('-'))], out Channel channel) ? channel : Channel.Miniapp;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Trip {Epoch} of {Warehouse} settled: {Rerouted} rerouted, {Unroutable} unroutable, {NotAffected} no longer held stock there")]
    private partial void LogRerouteDone(string warehouse, long epoch, int rerouted, int unroutable, int notAffected);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Trip {Epoch} of {Warehouse} resumed after a restart: {Orders} orders still hold stock there")]
    private partial void LogResumed(string warehouse, long epoch, int orders);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Trip {Epoch} of {Warehouse}: {Orders} orders did not report back in time; telling them again")]
    private partial void LogRetelling(string warehouse, long epoch, int orders);
}
