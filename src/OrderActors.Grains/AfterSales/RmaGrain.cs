using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Domain.AfterSales;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.AfterSales;

/// <summary>
/// One RMA (key <c>tenant/{orderId}-R{n}</c>). Each step does its side effects first — tell the order, announce or
/// receive stock, create the replacement order — all of them idempotent for this RMA, then writes the new status and
/// only then answers. A step cut off by a crash is done again whole by the operator's retry, never half.
/// </summary>
[GrainType("rma")]
public sealed partial class RmaGrain(
    [PersistentState("rma")] IPersistentState<RmaState> state,
    IReasonClassifier classifier,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ILogger<RmaGrain> logger) : Grain, IRmaGrain
{
    private string _tenant = "";
    private string _rmaId = "";

    private RmaRecord Rma => state.State.Rma ?? throw new NotFoundException($"RMA {_rmaId} does not exist.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = Keys.TenantOf(this.GetPrimaryKeyString());
        _rmaId = Keys.LocalPart(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<RmaRecord> OpenAsync(RmaOpening opening)
    {
        if (state.State.Rma is { } existing)
        {
            return existing;
        }
        if (opening.RmaId != _rmaId)
        {
            throw new CommandValidationException("rmaId", $"RMA {opening.RmaId} does not belong to grain {_rmaId}.");
        }
        ReasonGuess guess = classifier.Classify(opening.ReasonText);
        RmaRecord opened = RmaLifecycle.Open(opening, guess);
        await SaveAsync(opened);
        LogOpened(_rmaId, opening.OrderId, guess.ReasonCode, guess.Confidence, guess.ModelVersion);
        return opened;
    }

    public Task<RmaRecord?> GetAsync() => Task.FromResult(state.State.Rma);

    public async Task<RmaRecord> ApproveAsync(string? note, string source)
    {
        RmaRecord rma = Rma;
        RmaLifecycle.Require(rma, RmaStatus.Approved);
        if (rma.Kind != ReturnKind.RefundOnly)
        {
            await Task.WhenAll(ByStock(rma.Lines, l => l.Quantity).Select(s => Stock(s.Sku, s.WarehouseId).ExpectReturnAsync(_rmaId, s.Quantity)));
        }
        string? replacement = rma.Kind == ReturnKind.Exchange ? await PlaceReplacementAsync(rma) : null;
        await Order(rma).ReturnMovedAsync(_rmaId, RmaStatus.Approved, source);
        string expected = rma.Kind == ReturnKind.RefundOnly ? "no goods come back" : $"expected back: {Units(rma.Lines, l => l.Quantity)}";
        RmaRecord approved = RmaLifecycle.Move(rma with { ReplacementOrderId = replacement ?? rma.ReplacementOrderId }, RmaStatus.Approved,
            time.GetUtcNow(), source, Join(expected, replacement is null ? null : $"replacement order {replacement}", note));
        return await SaveAsync(approved);
    }

    public async Task<RmaRecord> RejectAsync(string? note, string source)
    {
        RmaRecord rma = Rma;
        RmaLifecycle.Require(rma, RmaStatus.Rejected);
        if (rma.ReplacementOrderId is { } replacement)
        {
            await CancelReplacementAsync(replacement, source);
        }
        if (rma.Status == RmaStatus.Approved && rma.Kind != ReturnKind.RefundOnly)
        {
            await Task.WhenAll(ByStock(rma.Lines, l => l.Quantity).Select(s => Stock(s.Sku, s.WarehouseId).ForgetReturnAsync(_rmaId)));
        }
        await Order(rma).ReturnMovedAsync(_rmaId, RmaStatus.Rejected, source);
        return await SaveAsync(RmaLifecycle.Move(rma, RmaStatus.Rejected, time.GetUtcNow(), source, note));
    }

    public async Task<RmaRecord> ReceiveAsync(ImmutableList<ReceivedSku> lines, string? warehouseId, string? note, string source)
    {
        RmaRecord rma = Rma;
        RmaLifecycle.Require(rma, RmaStatus.Received);
        ImmutableList<RmaLine> received = RmaLifecycle.Received(rma, lines, warehouseId);
        RefundQuote quote = await Order(rma).RequoteReturnAsync(_rmaId,
            [.. received.Select(l => new ReturnUnits(l.LineNo, l.ReceivedQuantity + l.DamagedQuantity))], rma.InsuranceClaimed);
        IEnumerable<(string Sku, string WarehouseId)> movedAway = ByStock(rma.Lines, l => l.Quantity).Select(s => (s.Sku, s.WarehouseId))
            .Except(ByStock(received, l => l.ReceivedQuantity + l.DamagedQuantity).Select(s => (s.Sku, s.WarehouseId)));
        await Task.WhenAll(movedAway.Select(s => Stock(s.Sku, s.WarehouseId).ForgetReturnAsync(_rmaId)));
        await Task.WhenAll(received.Where(l => l.ReceivedQuantity + l.DamagedQuantity > 0)
            .GroupBy(l => (l.Sku, WarehouseId: l.WarehouseId!))
            .Select(g => Stock(g.Key.Sku, g.Key.WarehouseId).ReceiveReturnAsync(_rmaId, g.Sum(l => l.ReceivedQuantity), g.Sum(l => l.DamagedQuantity))));
        await Order(rma).ReturnMovedAsync(_rmaId, RmaStatus.Received, source);
        string what = string.Join(", ", received.Select(l => $"{l.Sku}: {l.ReceivedQuantity} good, {l.DamagedQuantity} damaged at {l.WarehouseId ?? "-"}"));
        RmaRecord next = RmaLifecycle.Move(rma with { Lines = received, Refund = quote }, RmaStatus.Received, time.GetUtcNow(), source,
            Join(what, $"refund {quote.Total}", note));
        return await SaveAsync(next);
    }

    public async Task<RmaRecord> RefundAsync(string source)
    {
        RmaRecord rma = Rma;
        RmaLifecycle.Require(rma, RmaStatus.Refunded);
        RefundQuote final = await Order(rma).ReturnMovedAsync(_rmaId, RmaStatus.Refunded, source);
        RmaRecord refunded = RmaLifecycle.Move(rma with { Refund = final }, RmaStatus.Refunded, time.GetUtcNow(), source,
            $"refunded {final.Total}" + (final.Insurance.Fen > 0 ? $"; 运费险 {final.Insurance} booked as income" : ""));
        LogRefunded(_rmaId, rma.OrderId, final.Total.Fen, source);
        return await SaveAsync(refunded);
    }

    public async Task<RmaRecord> CloseAsync(string source)
    {
        RmaRecord rma = Rma;
        RmaLifecycle.Require(rma, RmaStatus.Closed);
        await Order(rma).ReturnMovedAsync(_rmaId, RmaStatus.Closed, source);
        return await SaveAsync(RmaLifecycle.Move(rma, RmaStatus.Closed, time.GetUtcNow(), source));
    }

    public async Task<RmaRecord> CorrectReasonAsync(string reasonCode, string source)
    {
        RmaRecord rma = Rma;
        if (!classifier.Codes.Contains(reasonCode))
        {
            throw new CommandValidationException("reasonCode", $"Unknown reason '{reasonCode}': one of {string.Join(", ", classifier.Codes)}.");
        }
        if (rma.ReasonCode == reasonCode && rma.ReasonSource == "operator")
        {
            return rma;
        }
        RmaRecord corrected = RmaLifecycle.Note(rma with { ReasonCode = reasonCode, ReasonConfidence = 1, ReasonSource = "operator" },
            time.GetUtcNow(), source, $"reason corrected: {rma.ReasonCode} → {reasonCode}");
        LogCorrected(_rmaId, rma.ReasonCode, reasonCode, source);
        return await SaveAsync(corrected);
    }

    /// <summary>
    /// The exchange's replacement: a paid order of its own on the same channel (<c>{externalOrderId}-X{n}</c>) with the
    /// same lines at no charge, to the same receiver; reserved and allocated like any order. Submitting it again answers
    /// duplicate, so a retried approval places it once.
    /// </summary>
    private async Task<string> PlaceReplacementAsync(RmaRecord rma)
    {
        OrderRecord original = await Order(rma).GetAsync() ?? throw new NotFoundException($"Order {rma.OrderId} does not exist.");
        string externalId = $"{original.ExternalOrderId}-X{_rmaId[(_rmaId.LastIndexOf("-R", StringComparison.Ordinal) + 2)..]}";
        DateTimeOffset now = time.GetUtcNow();
        var replacement = new NormalizedOrder
        {
            Channel = original.Channel,
            ExternalOrderId = externalId,
            PlatformStatus = "EXCHANGE",
            MappedStatus = OrderStatus.Paid,
            CreatedAt = now,
            PaidAt = now,
            BuyerId = original.BuyerId,
            Receiver = original.Receiver,
            ShippingAddress = original.ShippingAddress,
            BuyerNote = $"换货 for {_rmaId}",
            ReplacementFor = _rmaId,
            Lines = [.. rma.Lines.Select(l => new NormalizedOrderLine
            {
                PlatformSkuId = l.PlatformSkuId,
                Title = l.Title,
                Quantity = l.Quantity,
                UnitPrice = Money.Zero,
                LineDiscount = Money.Zero,
            })],
            GoodsTotal = Money.Zero,
            ShippingFee = Money.Zero,
            OrderDiscount = Money.Zero,
            AmountPaid = Money.Zero,
        };
        IntakeResult result = await GrainFactory.GetGrain<IOrderGrain>(Keys.Order(_tenant, Keys.OrderId(original.Channel, externalId)))
            .SubmitAsync(replacement, now);
        return result.OrderId;
    }

    /// <summary>
    /// A rejected exchange takes its replacement back: cancelled (its stock released) unless it has left the warehouse,
    /// when the rejection is refused — the buyer has both, which a person must sort out. Cancelled already: done.
    /// </summary>
    private async Task CancelReplacementAsync(string replacementOrderId, string source)
    {
        IOrderGrain replacement = GrainFactory.GetGrain<IOrderGrain>(Keys.Order(_tenant, replacementOrderId));
        OrderRecord? order = await replacement.GetAsync();
        if (order is null || order.Status == OrderStatus.Cancelled)
        {
            return;
        }
        try
        {
            await replacement.CancelAsync($"exchange {_rmaId} rejected", source);
        }
        catch (IllegalTransitionException)
        {
            throw new IllegalTransitionException($"RMA {_rmaId}", Rma.Status.ToString(),
                $"reject it: its replacement order {replacementOrderId} is {order.Status} and has left the warehouse");
        }
    }

    private async Task<RmaRecord> SaveAsync(RmaRecord rma)
    {
        state.State = state.State with { Rma = rma };
        await state.WriteStateAsync();
        return rma;
    }

    private IOrderGrain Order(RmaRecord rma) => GrainFactory.GetGrain<IOrderGrain>(Keys.Order(_tenant, rma.OrderId));

    private ISkuStockGrain Stock(string sku, string warehouseId) => GrainFactory.GetGrain<ISkuStockGrain>(Keys.Stock(_tenant, sku, warehouseId));

    /// <summary>Units per SKU and warehouse (lines without a known warehouse are left out).</summary>
    private static IEnumerable<(string Sku, string WarehouseId, int Quantity)> ByStock(IEnumerable<RmaLine> lines, Func<RmaLine, int> units) =>
        lines.Where(l => l.WarehouseId is not null && units(l) > 0)
            .GroupBy(l => (l.Sku, WarehouseId: l.WarehouseId!))
            .Select(g => (g.Key.Sku, g.Key.WarehouseId, g.Sum(units)));

    private static string Units(IEnumerable<RmaLine> lines, Func<RmaLine, int> units) =>
        string.Join(", ", lines.Select(l => $"{units(l)} × {l.Sku} to {l.WarehouseId ?? "(warehouse to be chosen at receipt)"}"));

    private static string? Join(params string?[] parts) =>
        string.Join("; ", parts.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } joined ? joined : null;

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "RMA {RmaId} opened for order {OrderId}: reason {ReasonCode} ({Confidence:P0}, model {ModelVersion})")]
    private partial void LogOpened(string rmaId, string orderId, string reasonCode, double confidence, string modelVersion);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "RMA {RmaId} of order {OrderId} refunded {RefundFen} fen by {Source}")]
    private partial void LogRefunded(string rmaId, string orderId, long refundFen, string source);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "RMA {RmaId} reason corrected {From} → {To} by {Source}")]
    private partial void LogCorrected(string rmaId, string from, string to, string source);
}
