using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.Channels;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors;
using OrderActors.Connectors.Pull;

namespace OrderActors.Grains.Channels;

/// <summary>One run of the pull: its slices, their pages, and each pulled order handed to intake.</summary>
public sealed partial class ChannelPullGrain
{
    private async Task ExecuteAsync(RunProgress run, IOrderListClient client)
    {
        CancellationToken stopping = _deactivating.Token;
        try
        {
            foreach (PullWindow slice in run.Slices)
            {
                await PullSliceAsync(run, client, slice, stopping);
                run.SlicesDone++;
                if (run.Kind == PullRunKind.Scheduled && (state.State.Cursor is not { } cursor || slice.To > cursor))
                {
                    state.State = state.State with { Cursor = slice.To };
                }
                await SaveAsync(run);
            }
            run.Finish(PullRunState.Succeeded, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            run.Finish(PullRunState.Interrupted, time.GetUtcNow());
        }
        catch (Exception failure)
        {
            // Whatever stopped the run is its result: recorded on the run, the cursor left where the last whole slice put it.
            run.Error(time.GetUtcNow(), failure.Message);
            run.Finish(PullRunState.Failed, time.GetUtcNow());
            LogRunFailed(_tenant, ChannelName, run.RunId, failure.Message);
        }
        _running = null;
        _runTimer?.Dispose();
        _runTimer = null;
        try
        {
            await SaveAsync(run);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogNotSaved(failure, _tenant, ChannelName, run.RunId);
        }
        LogFinished(_tenant, ChannelName, run.RunId, run.State, run.Pages, run.Fetched, run.New, run.Duplicates, run.ErrorCount);
    }

    private async Task PullSliceAsync(RunProgress run, IOrderListClient client, PullWindow slice, CancellationToken stopping)
    {
        for (int page = 1; ; page++)
        {
            OrderListPage result;
            try
            {
                result = page <= MostPagesPerSlice
                    ? await client.FetchAsync(slice, page, stopping)
                    : throw new InvalidOperationException($"the platform still says there is a next page after {MostPagesPerSlice}");
            }
            catch (Exception failure) when (failure is PlatformCallException or HttpRequestException or InvalidOperationException
                || (failure is TaskCanceledException && !stopping.IsCancellationRequested))
            {
                string reason = failure is TaskCanceledException ? "the platform did not answer in time" : failure.Message;
                throw new PullPageException($"page {page} of {slice.From:yyyy-MM-dd HH:mm:ss}–{slice.To:yyyy-MM-dd HH:mm:ss} UTC: {reason}", failure);
            }
            run.Pages++;
            run.Fetched += result.Orders.Count;
            await Task.WhenAll(result.Orders.Select(order => IntakeAsync(run, order)));
            if (!result.HasNext || result.Orders.Count == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Hands one order to intake as the push route does. An order the connector cannot read is counted and reported,
    /// not retried (reading it again gives the same answer); a failed submit fails the page, so the cursor stays.
    /// Pulled orders skip the clock-skew check: they are read later than the buyer submitted them by design.
    /// </summary>
    private async Task IntakeAsync(RunProgress run, JsonElement payload)
    {
        ConnectorResult<NormalizedOrder> parsed = connectors.Get(_channel).ParseOrder(payload, time.GetUtcNow());
        if (!parsed.IsSuccess)
        {
            run.Rejected++;
            run.Error(time.GetUtcNow(), "an order did not read: " + string.Join("; ", parsed.Errors.Take(3).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
            return;
        }
        NormalizedOrder order = parsed.Value with { ClientSubmittedAt = null };
        if (!Keys.IsValidId(order.ExternalOrderId))
        {
            run.Rejected++;
            run.Error(time.GetUtcNow(), $"order id '{order.ExternalOrderId[..Math.Min(64, order.ExternalOrderId.Length)]}' may only hold {Keys.IdRule}");
            return;
        }
        IOrderGrain grain = GrainFactory.GetGrain<IOrderGrain>(Keys.Order(_tenant, Keys.OrderId(_channel, order.ExternalOrderId)));
        IntakeResult result = await grain.SubmitAsync(order, time.GetUtcNow());
        if (result.Duplicate)
        {
            run.Duplicates++;
            if (MissedStatus(result.Status, order) is { } missed)
            {
                await grain.ApplyPlatformEventAsync(missed);
                run.Updated++;
                LogStatusCaughtUp(_tenant, ChannelName, result.OrderId, missed.Kind);
            }
            return;
        }
        run.New++;
        if (result.Status == OrderStatus.OnHold)
        {
            run.Held++;
        }
    }

    /// <summary>
    /// What the pulled order says that the hub's copy does not know yet because its push was lost (seed 003: paid
    /// callbacks timed out and orders sat unpaid): a payment, or — for an order not shipped yet — a cancellation or a
    /// close after a full refund, which both mean "do not ship". Applied as that platform message.
    /// </summary>
    private PlatformEvent? MissedStatus(OrderStatus inHub, NormalizedOrder pulled)
    {
        if (pulled.MappedStatus is OrderStatus.Cancelled or OrderStatus.Refunded
            && inHub is OrderStatus.PendingPayment or OrderStatus.Paid or OrderStatus.Reserved or OrderStatus.Allocated or OrderStatus.OnHold)
        {
            return new PlatformEvent(_channel, pulled.ExternalOrderId, PlatformEventKind.Cancelled, pulled.PlatformStatus, time.GetUtcNow(), "seen by the pull");
        }
        if (inHub == OrderStatus.PendingPayment && pulled.PaidAt is { } paidAt && pulled.MappedStatus != OrderStatus.PendingPayment)
        {
            return new PlatformEvent(_channel, pulled.ExternalOrderId, PlatformEventKind.Paid, pulled.PlatformStatus, paidAt, "seen by the pull");
        }
        return null;
    }
}
