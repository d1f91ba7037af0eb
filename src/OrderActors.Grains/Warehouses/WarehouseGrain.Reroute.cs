using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Domain.Allocation;

namespace OrderActors.Grains.Warehouses;

/// <summary>Telling the orders that hold stock at a tripped warehouse to move, and following them up.</summary>
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
        if (tracker.IsComplete)
        {
            await SettleAsync(tracker);
        }
        else
        {
            Tell(tracker, tracker.TakeNext(options.Value.RerouteWindow, time.GetUtcNow()));
        }
    }

    /// <summary>Closes the stock (again, if resuming: closing is idempotent) and tells the orders holding it to move.</summary>
    private async Task<int> StartReroutesAsync(long epoch, string reason)
    {
        IReadOnlyList<string> orders = await CloseStockAsync();
        var tracker = new RerouteTracker(epoch, reason, orders);
        _trips[epoch] = tracker;
        if (tracker.IsComplete)
        {
            await SettleAsync(tracker);
            return 0;
        }
        Tell(tracker, tracker.TakeNext(options.Value.RerouteWindow, time.GetUtcNow()));
        TimeSpan period = options.Value.RerouteRetryAfter / 3;
        _rerouteWatch ??= RegisterGrainTimer(_ => RetellOverdueAsync(), period, period);
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

    private Task RetellOverdueAsync()
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
        if (_trips.Values.All(t => t.IsComplete))
        {
            _rerouteWatch?.Dispose();
            _rerouteWatch = null;
        }
        return Task.CompletedTask;
    }

    private void Tell(RerouteTracker tracker, IEnumerable<string> orderIds)
    {
        foreach (string orderId in orderIds)
        {
            _ = GrainFactory.GetGrain<IOrderGrain>(Keys.Order(_tenant, orderId)).RerouteAsync(new RerouteRequest(_warehouseId, tracker.Epoch, tracker.Reason));
        }
    }

    private async Task SettleAsync(RerouteTracker tracker)
    {
        state.State = state.State with { SettledEpoch = Math.Max(state.State.SettledEpoch, tracker.Epoch) };
        await state.WriteStateAsync();
        RerouteProgress progress = tracker.Progress();
        LogRerouteDone(_warehouseId, tracker.Epoch, progress.Rerouted, progress.Unroutable, progress.NotAffected);
    }

    private async Task<IReadOnlyList<string>> CloseStockAsync()
    {
        IReadOnlyList<string> skus = await Catalog().SkusAtAsync(_warehouseId);
        IReadOnlyList<Reservation>[] held = await Task.WhenAll(skus.Select(sku => Stock(sku).CloseAsync()));
        var orders = held.SelectMany(h => h).Select(r => r.OrderId).Distinct()
            .Select(id => new RerouteOrder(id, ChannelOf(id), time.GetUtcNow()));
        return ReroutePriority.Sort(orders, options.Value.Allocation).Select(o => o.OrderId).ToList();
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
