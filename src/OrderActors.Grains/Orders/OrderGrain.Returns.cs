using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.AfterSales;

namespace OrderActors.Grains.Orders;

/// <summary>
/// The order's side of after-sales: it claims the units of a new RMA (one request at a time, so two racing for the same
/// units cannot both win), opens the RMA grain, re-quotes on what came back and settles. The claim and the RMA to open
/// are written together; if the silo dies before the RMA grain has it, the next activation opens it again.
/// </summary>
public sealed partial class OrderGrain
{
    public async Task<RmaRecord> OpenReturnAsync(ReturnRequest request)
    {
        (OrderRecord claimed, RmaOpening opening) = OrderReturns.Open(Order, request, Policy, time.GetUtcNow());
        state.State = state.State with { Opening = state.State.Opening.Add(opening) };
        await SaveAsync(claimed);
        LogReturnOpened(_orderId, opening.RmaId, RmaLifecycle.KindName(opening.Kind), opening.Quote.Total.Fen, request.Source);
        return await DeliverOpeningsAsync() ?? throw new InvalidOperationException($"RMA {opening.RmaId} was not opened.");
    }

    public async Task<RefundQuote> RequoteReturnAsync(string rmaId, ImmutableList<ReturnUnits> units, Money insurance)
    {
        (OrderRecord requoted, RefundQuote quote) = OrderReturns.Requote(Order, rmaId, units, insurance, Policy);
        if (!ReferenceEquals(requoted, Order))
        {
            await SaveAsync(requoted);
        }
        return quote;
    }

    public async Task<RefundQuote> ReturnMovedAsync(string rmaId, RmaStatus status, string source)
    {
        OrderRecord before = Order;
        OrderRecord settled = OrderReturns.Moved(before, rmaId, status, Policy, time.GetUtcNow(), source);
        if (!ReferenceEquals(settled, before))
        {
            await SaveAsync(settled);
        }
        return OrderReturns.Claim(settled, rmaId).Quote;
    }

    private AfterSalesPolicy Policy => options.Value.AfterSales.PolicyFor(_tenant);

    /// <summary>A platform's refund request on a shipped order opens a return of what is left, unless one from it is open.</summary>
    private async Task OpenPlatformReturnAsync(PlatformEvent platformEvent)
    {
        if (OrderReturns.FromPlatform(Order, platformEvent) is { } request)
        {
            await OpenReturnAsync(request);
        }
    }

    /// <summary>
    /// Hands every written, not yet delivered opening to its RMA grain; answers the last one's record. If an RMA grain
    /// cannot be reached the claim stays written and is handed over again every few seconds until it is.
    /// </summary>
    private async Task<RmaRecord?> DeliverOpeningsAsync()
    {
        RmaRecord? last = null;
        try
        {
            foreach (RmaOpening opening in state.State.Opening)
            {
                last = await GrainFactory.GetGrain<IRmaGrain>(Keys.Rma(_tenant, opening.RmaId)).OpenAsync(opening);
                state.State = state.State with { Opening = state.State.Opening.Remove(opening) };
            }
        }
        catch (Exception ex)
        {
            LogOpeningFailed(_orderId, state.State.Opening.Count, ex);
            _openRetry ??= this.RegisterGrainTimer(async _ =>
            {
                await DeliverOpeningsAsync();
                if (state.State.Opening.IsEmpty)
                {
                    _openRetry?.Dispose();
                    _openRetry = null;
                }
            }, ReleaseRetryPeriod, ReleaseRetryPeriod);
            throw;
        }
        if (last is not null)
        {
            await state.WriteStateAsync();
        }
        return last;
    }

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Order {OrderId} could not open {Count} claimed RMAs at their grains; trying again in 5 s")]
    private partial void LogOpeningFailed(string orderId, int count, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Order {OrderId} opened {RmaId} ({Kind}), refund quoted {RefundFen} fen, by {Source}")]
    private partial void LogReturnOpened(string orderId, string rmaId, string kind, long refundFen, string source);
}
