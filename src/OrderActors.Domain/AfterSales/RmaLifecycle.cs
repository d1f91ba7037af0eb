using System.Collections.Immutable;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Errors;

namespace OrderActors.Domain.AfterSales;

/// <summary>
/// The RMA state machine: Requested → Approved | Rejected; Approved → Received (goods come back) or Refunded
/// (refund only), or Rejected (the goods never came); Received → Refunded (return) or Closed (exchange: the replacement is its own order); Refunded and
/// Rejected → Closed. Every move is checked here and lands on the timeline; an illegal one names the current status.
/// </summary>
public static class RmaLifecycle
{
    public static IReadOnlyList<RmaStatus> Next(ReturnKind kind, RmaStatus from) => (kind, from) switch
    {
        (_, RmaStatus.Requested) => [RmaStatus.Approved, RmaStatus.Rejected],
        (ReturnKind.RefundOnly, RmaStatus.Approved) => [RmaStatus.Refunded, RmaStatus.Rejected],
        (_, RmaStatus.Approved) => [RmaStatus.Received, RmaStatus.Rejected],
        (ReturnKind.Exchange, RmaStatus.Received) => [RmaStatus.Closed],
        (_, RmaStatus.Received) => [RmaStatus.Refunded],
        (_, RmaStatus.Refunded or RmaStatus.Rejected) => [RmaStatus.Closed],
        _ => [],
    };

    public static bool CanMove(RmaRecord rma, RmaStatus to) => Next(rma.Kind, rma.Status).Contains(to);

    /// <summary>Throws unless <paramref name="to"/> may follow the RMA's status.</summary>
    public static void Require(RmaRecord rma, RmaStatus to)
    {
        if (!CanMove(rma, to))
        {
            IReadOnlyList<RmaStatus> next = Next(rma.Kind, rma.Status);
            string hint = next.Count == 0 ? "it is finished" : $"next: {string.Join(" or ", next)}";
            throw new IllegalTransitionException($"RMA {rma.RmaId} ({KindName(rma.Kind)})", rma.Status.ToString(), $"move to {to} ({hint})");
        }
    }

    public static RmaRecord Move(RmaRecord rma, RmaStatus to, DateTimeOffset at, string source, string? note = null)
    {
        Require(rma, to);
        return rma with { Status = to, UpdatedAt = at, Timeline = rma.Timeline.Add(new RmaTimelineEntry(to, at, source, note)) };
    }

    public static RmaRecord Note(RmaRecord rma, DateTimeOffset at, string source, string note) =>
        rma with { UpdatedAt = at, Timeline = rma.Timeline.Add(new RmaTimelineEntry(rma.Status, at, source, note)) };

    /// <summary>A new RMA from its order's opening.</summary>
    public static RmaRecord Open(RmaOpening opening, ReasonGuess reason) => new()
    {
        RmaId = opening.RmaId,
        OrderId = opening.OrderId,
        Channel = opening.Channel,
        ExternalOrderId = opening.ExternalOrderId,
        Kind = opening.Kind,
        Status = RmaStatus.Requested,
        Lines = opening.Lines,
        ReasonText = opening.ReasonText,
        ReasonCode = reason.ReasonCode,
        ReasonConfidence = reason.Confidence,
        ReasonSource = "model",
        ModelVersion = reason.ModelVersion,
        Refund = opening.Quote,
        InsuranceClaimed = opening.InsuranceClaimed,
        CreatedAt = opening.At,
        UpdatedAt = opening.At,
        CreatedBy = opening.Source,
        Timeline = [new RmaTimelineEntry(RmaStatus.Requested, opening.At, opening.Source,
            $"{KindName(opening.Kind)} of {string.Join(", ", opening.Lines.Select(l => $"{l.Quantity} × {l.Sku}"))}; reason {reason.ReasonCode} ({reason.Confidence:P0}, model {reason.ModelVersion})")],
    };

    /// <summary>
    /// Records what came back, SKU by SKU, filling the RMA's lines of that SKU in order. Received plus damaged may not
    /// exceed what the line asked back; a SKU the RMA does not hold is refused.
    /// </summary>
    public static ImmutableList<RmaLine> Received(RmaRecord rma, IReadOnlyList<ReceivedSku> received, string? warehouseId)
    {
        if (received.Count == 0)
        {
            throw new CommandValidationException("lines", "Say what came back: at least one line with receivedQuantity or damagedQuantity.");
        }
        ImmutableList<RmaLine> lines = rma.Lines;
        foreach (IGrouping<string, ReceivedSku> sku in received.GroupBy(r => r.Sku))
        {
            int good = sku.Sum(r => r.ReceivedQuantity);
            int damaged = sku.Sum(r => r.DamagedQuantity);
            if (sku.Any(r => r.ReceivedQuantity < 0 || r.DamagedQuantity < 0))
            {
                throw new CommandValidationException("lines", $"{sku.Key}: quantities cannot be negative.");
            }
            List<RmaLine> ofSku = lines.Where(l => l.Sku == sku.Key).ToList();
            if (ofSku.Count == 0)
            {
                throw new CommandValidationException("lines", $"{sku.Key} is not in RMA {rma.RmaId} (it has {string.Join(", ", rma.Lines.Select(l => l.Sku).Distinct())}).");
            }
            int asked = ofSku.Sum(l => l.Quantity);
            if (good + damaged > asked)
            {
                throw new CommandValidationException("lines", $"{sku.Key}: {good} good + {damaged} damaged is more than the {asked} asked back.");
            }
            foreach (RmaLine line in ofSku)
            {
                int g = Math.Min(good, line.Quantity);
                int d = Math.Min(damaged, line.Quantity - g);
                good -= g;
                damaged -= d;
                lines = lines.Replace(line, line with { ReceivedQuantity = g, DamagedQuantity = d, WarehouseId = warehouseId ?? line.WarehouseId });
            }
        }
        if (lines.Any(l => l.ReceivedQuantity + l.DamagedQuantity > 0 && l.WarehouseId is null))
        {
            throw new CommandValidationException("warehouseId", "The order did not ship these lines from a known warehouse: say which warehouse receives them.");
        }
        if (lines.All(l => l.ReceivedQuantity + l.DamagedQuantity == 0))
        {
            throw new CommandValidationException("lines", "Nothing came back: at least one unit must be received (good or damaged), or reject the RMA.");
        }
        return lines;
    }

    public static string KindName(ReturnKind kind) => kind switch
    {
        ReturnKind.Return => "return",
        ReturnKind.Exchange => "exchange",
        ReturnKind.RefundOnly => "refund_only",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParseKind(string? text, out ReturnKind kind)
    {
        kind = text switch
        {
            "return" => ReturnKind.Return,
            "exchange" => ReturnKind.Exchange,
            "refund_only" => ReturnKind.RefundOnly,
            _ => (ReturnKind)(-1),
        };
        return Enum.IsDefined(kind);
    }
}
