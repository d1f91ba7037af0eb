using System.Collections.Immutable;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.AfterSales;

/// <summary>
/// Where an order's returns stand after a run of claims: per line, how many units are taken (by any claim, exchanges
/// included: that is the position the next claim's cumulative slice starts at) and which of them came back for money;
/// per order, what was refunded and which once-only items are used up.
/// </summary>
internal sealed class ReturnLedger
{
    private readonly OrderRecord _order;
    private readonly LineState[] _lines;

    private ReturnLedger(OrderRecord order, LineState[] lines)
    {
        _order = order;
        _lines = lines;
    }

    public Money Refunded { get; private init; }

    public bool ShippingRefunded { get; private init; }

    public bool InsuranceBooked { get; private init; }

    public ImmutableHashSet<int> GiftsDeducted { get; private init; } = [];

    public ImmutableHashSet<string> PromotionsClawedBack { get; private init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The ledger after the claims that count (rejected ones gave their units back), in order; open claims count with their current quote.</summary>
    public static ReturnLedger Replay(OrderRecord order, IReadOnlyList<ReturnClaim> claims)
    {
        var ledger = new ReturnLedger(order, order.Lines.Select(_ => LineState.Empty).ToArray());
        foreach (ReturnClaim claim in claims.Where(claim => claim.Counts))
        {
            ledger = ledger.With(claim.Kind, ByIndex(order, claim.Units), claim.Quote);
        }
        return ledger;
    }

    /// <summary>Units on one line taken by earlier claims, of any kind.</summary>
    public int Position(int index) => _lines[index].Position;

    /// <summary>Units on one line that came back for money (returns and refund-only claims).</summary>
    public int Returned(int index) => _lines[index].Returned;

    public int Kept(int index) => _order.Lines[index].Quantity - _lines[index].Returned;

    public bool FullyReturned(int index) => Kept(index) <= 0;

    /// <summary>What the units that came back own of one of the line's amounts.</summary>
    public Money ReturnedPart(int index, Money amount)
    {
        int quantity = _order.Lines[index].Quantity;
        return _lines[index].Slices.Aggregate(Money.Zero, (sum, slice) => sum + CumulativeShare.Slice(amount, slice.Start, slice.Count, quantity));
    }

    /// <summary>What the units still with the buyer own of one of the line's amounts.</summary>
    public Money KeptPart(int index, Money amount) => amount - ReturnedPart(index, amount);

    /// <summary>The goods the buyer keeps, at the lines' prices less their line discounts (what 满减 thresholds look at).</summary>
    public Money KeptGoods() => Enumerable.Range(0, _lines.Length).Aggregate(Money.Zero, (sum, i) =>
        sum + _order.Lines[i].UnitPrice * Kept(i) - KeptPart(i, _order.Lines[i].LineDiscount));

    /// <summary>The ledger after one more claim; units beyond a line's quantity or on unknown lines are ignored.</summary>
    public ReturnLedger With(ReturnKind kind, IEnumerable<(int Index, int Count)> units, RefundQuote quote)
    {
        LineState[] lines = [.. _lines];
        foreach ((int index, int wanted) in units)
        {
            LineState line = lines[index];
            int count = Math.Min(wanted, _order.Lines[index].Quantity - line.Position);
            if (count <= 0)
            {
                continue;
            }
            lines[index] = kind == ReturnKind.Exchange
                ? line with { Position = line.Position + count }
                : new LineState(line.Position + count, line.Returned + count, line.Slices.Add(new Slice(line.Position, count)));
        }
        return new ReturnLedger(_order, lines)
        {
            Refunded = Refunded + quote.Total,
            ShippingRefunded = ShippingRefunded || quote.Shipping.Fen > 0,
            InsuranceBooked = InsuranceBooked || quote.Insurance.Fen > 0,
            GiftsDeducted = GiftsDeducted.Union(quote.GiftsDeducted),
            PromotionsClawedBack = PromotionsClawedBack.Union(quote.PromotionsClawedBack),
        };
    }

    /// <summary>Claim units as (line index, count), skipping line numbers the order does not have.</summary>
    public static IEnumerable<(int Index, int Count)> ByIndex(OrderRecord order, IEnumerable<ReturnUnits> units)
    {
        foreach (ReturnUnits unit in units)
        {
            int index = order.Lines.FindIndex(line => line.LineNo == unit.LineNo);
            if (index >= 0)
            {
                yield return (index, unit.Quantity);
            }
        }
    }

    private readonly record struct Slice(int Start, int Count);

    private sealed record LineState(int Position, int Returned, ImmutableList<Slice> Slices)
    {
        public static readonly LineState Empty = new(0, 0, []);
    }
}
