using System.Collections.Immutable;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Orders;

namespace OrderActors.Domain.AfterSales;

/// <summary>
/// The order's side of after-sales, as pure functions: it is the ledger of what was bought, claimed back and refunded.
/// A claim takes units for its RMA at once (two RMAs racing for the same units: the order answers one at a time, and
/// the second finds them taken), is re-quoted on what came back, and settles when the RMA refunds, closes or is rejected.
/// While any claim is open the order is Returning (售后中); after the last one it is Refunded if every unit was refunded,
/// else back where it stood.
/// </summary>
public static class OrderReturns
{
    private static readonly OrderStatus[] Returnable =
        [OrderStatus.Shipped, OrderStatus.InTransit, OrderStatus.Delivered, OrderStatus.Completed, OrderStatus.Returning];

    public static bool CanReturn(OrderRecord order) => Returnable.Contains(order.Status);

    /// <summary>The next RMA's id: <c>{orderId}-R{n}</c>.</summary>
    public static string NextRmaId(OrderRecord order) => $"{order.OrderId}-R{order.Returns.Count + 1}";

    /// <summary>
    /// A platform's refund request on a shipped order: a return of every unit not yet claimed back, unless one from that
    /// channel is still open (platforms push the same request again) or nothing is left to return.
    /// </summary>
    public static ReturnRequest? FromPlatform(OrderRecord order, PlatformEvent platformEvent)
    {
        string source = $"channel:{platformEvent.Channel.ToRouteName()}";
        if (platformEvent.Kind != PlatformEventKind.RefundRequested || !CanReturn(order))
        {
            return null;
        }
        IReadOnlyList<ReturnClaim> counted = order.Returns.Where(c => c.Counts).ToList();
        var remaining = order.Lines
            .Select(l => new ReturnedSku(l.MasterSku ?? l.PlatformSkuId, l.Quantity - counted.SelectMany(c => c.Units).Where(u => u.LineNo == l.LineNo).Sum(u => u.Quantity)))
            .Where(l => l.Quantity > 0)
            .GroupBy(l => l.Sku)
            .Select(g => new ReturnedSku(g.Key, g.Sum(l => l.Quantity)))
            .ToImmutableList();
        if (remaining.IsEmpty || order.Returns.Any(c => c.Open && c.Source == source))
        {
            return null;
        }
        string reason = platformEvent.Note is { Length: > 0 } note ? note : $"platform refund request ({platformEvent.PlatformStatus})";
        return new ReturnRequest(ReturnKind.Return, remaining, reason, Money.Zero, source);
    }

    /// <summary>Claims the asked units for a new RMA and quotes its refund.</summary>
    public static (OrderRecord Order, RmaOpening Opening) Open(
        OrderRecord order, ReturnRequest request, AfterSalesPolicy policy, DateTimeOffset at)
    {
        if (!CanReturn(order))
        {
            throw new IllegalTransitionException($"Order {order.OrderId}", order.Status.ToString(), order.Status switch
            {
                OrderStatus.Cancelled or OrderStatus.Refunded => "open a return (it is closed)",
                _ => "open a return (it has not shipped: cancel it instead)",
            });
        }
        if (request.InsuranceClaimed.Fen < 0)
        {
            throw new CommandValidationException("shippingInsuranceFen", "运费险 claimed cannot be negative.");
        }
        string rmaId = NextRmaId(order);
        IReadOnlyList<ReturnClaim> prior = order.Returns.Where(c => c.Counts).ToList();
        IReadOnlyList<ReturnUnits> units = RefundCalculator.Resolve(order, prior, request.Lines.Select(l => (l.Sku, l.Quantity)).ToList());
        RefundQuote quote = RefundCalculator.Quote(order, prior, request.Kind, units, request.InsuranceClaimed, policy);
        var claim = new ReturnClaim(rmaId, request.Kind, [.. units], quote, RmaStatus.Requested)
        {
            Source = request.Source,
            InsuranceClaimed = request.InsuranceClaimed,
        };
        string note = $"{RmaLifecycle.KindName(request.Kind)} {rmaId} opened: {Describe(order, units)}";
        OrderRecord claimed = order with { Returns = order.Returns.Add(claim) };
        OrderRecord moved = order.Status == OrderStatus.Returning
            ? OrderCommands.Note(claimed, at, request.Source, note)
            : OrderLifecycle.Move(claimed with { StatusBeforeReturn = order.Status }, OrderStatus.Returning, at, request.Source, note);
        var lines = units.Select(u =>
        {
            OrderLineRecord line = order.Lines.Single(l => l.LineNo == u.LineNo);
            return new RmaLine(line.LineNo, line.MasterSku ?? line.PlatformSkuId, line.PlatformSkuId, line.Title, u.Quantity, 0, 0, ShippedFrom(line));
        }).ToImmutableList();
        return (moved, new RmaOpening(rmaId, order.OrderId, order.Channel, order.ExternalOrderId, request.Kind, lines,
            request.ReasonText, request.InsuranceClaimed, quote, at, request.Source));
    }

    /// <summary>Quotes the RMA again on what actually came back; its units shrink to those.</summary>
    public static (OrderRecord Order, RefundQuote Quote) Requote(
        OrderRecord order, string rmaId, IReadOnlyList<ReturnUnits> units, Money insurance, AfterSalesPolicy policy)
    {
        ReturnClaim claim = Claim(order, rmaId);
        if (!claim.Open)
        {
            return (order, claim.Quote);
        }
        foreach (ReturnUnits u in units)
        {
            int claimed = claim.Units.Where(c => c.LineNo == u.LineNo).Sum(c => c.Quantity);
            if (u.Quantity > claimed)
            {
                throw new CommandValidationException("lines", $"Line {u.LineNo}: {u.Quantity} came back but RMA {rmaId} claimed {claimed}.");
            }
        }
        RefundQuote quote = RefundCalculator.Quote(order, Before(order, rmaId), claim.Kind, units, insurance, policy);
        ReturnClaim requoted = claim with { Units = [.. units.Where(u => u.Quantity > 0)], Quote = quote };
        return (order with { Returns = order.Returns.Replace(claim, requoted) }, quote);
    }

    /// <summary>
    /// The RMA moved: the claim takes its status (a rejected one gives its units back) and the step lands on the order's
    /// timeline; a refund is quoted a last time against the claims before it, as they stand now. When no claim is open any more the order leaves Returning: Refunded if every unit was refunded, else back
    /// where it stood. The same move twice changes nothing.
    /// </summary>
    public static OrderRecord Moved(OrderRecord order, string rmaId, RmaStatus status, AfterSalesPolicy policy, DateTimeOffset at, string source)
    {
        ReturnClaim claim = Claim(order, rmaId);
        RmaStatus next = claim.Status == RmaStatus.Rejected && status == RmaStatus.Closed ? RmaStatus.Rejected : status;
        if (claim.Status == next)
        {
            return order;
        }
        ReturnClaim moved = claim with
        {
            Status = next,
            Quote = next == RmaStatus.Refunded
                ? RefundCalculator.Quote(order, Before(order, rmaId), claim.Kind, claim.Units, claim.InsuranceClaimed, policy)
                : claim.Quote,
        };
        OrderRecord updated = order with { Returns = order.Returns.Replace(claim, moved) };
        string note = status switch
        {
            RmaStatus.Refunded => $"{rmaId} refunded {moved.Quote.Total}",
            RmaStatus.Rejected => $"{rmaId} rejected: its units can be returned again",
            _ => $"{rmaId} {status.ToString().ToLowerInvariant()}",
        };
        if (updated.Returns.Any(c => c.Open) || updated.Status != OrderStatus.Returning)
        {
            return OrderCommands.Note(updated, at, source, note);
        }
        if (AllRefunded(updated))
        {
            return OrderLifecycle.Move(updated, OrderStatus.Refunded, at, source, $"{note}; every unit came back and was refunded");
        }
        OrderStatus back = updated.StatusBeforeReturn ?? OrderStatus.Completed;
        return OrderLifecycle.Move(updated with { StatusBeforeReturn = null }, back, at, source, $"{note}; after-sales done, back to {back}");
    }

    /// <summary>The claims made before <paramref name="rmaId"/> that hold units, in the order they were made.</summary>
    public static IReadOnlyList<ReturnClaim> Before(OrderRecord order, string rmaId) =>
        order.Returns.TakeWhile(c => c.RmaId != rmaId).Where(c => c.Counts).ToList();

    public static ReturnClaim Claim(OrderRecord order, string rmaId) =>
        order.Returns.FirstOrDefault(c => c.RmaId == rmaId) ?? throw new NotFoundException($"Order {order.OrderId} has no RMA {rmaId}.");

    /// <summary>Every unit is in a refunded (or refunded then closed) return or refund-only claim.</summary>
    private static bool AllRefunded(OrderRecord order) => order.Lines.All(line =>
        order.Returns.Where(c => c.Kind != ReturnKind.Exchange && c.Status is RmaStatus.Refunded or RmaStatus.Closed)
            .SelectMany(c => c.Units).Where(u => u.LineNo == line.LineNo).Sum(u => u.Quantity) >= line.Quantity);

    private static string? ShippedFrom(OrderLineRecord line) =>
        line.Allocations.GroupBy(a => a.WarehouseId).OrderByDescending(g => g.Sum(a => a.Quantity)).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();

    private static string Describe(OrderRecord order, IEnumerable<ReturnUnits> units) =>
        string.Join(", ", units.Select(u => $"{u.Quantity} × {order.Lines.Single(l => l.LineNo == u.LineNo).MasterSku ?? order.Lines.Single(l => l.LineNo == u.LineNo).PlatformSkuId}"));
}
