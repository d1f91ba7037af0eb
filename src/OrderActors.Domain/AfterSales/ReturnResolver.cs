using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.AfterSales;

/// <summary>Turns what the buyer asks back (master SKU, quantity) into units of order lines, within what is still returnable.</summary>
internal static class ReturnResolver
{
    public static IReadOnlyList<ReturnUnits> Resolve(OrderRecord order, IReadOnlyList<ReturnClaim> prior, IReadOnlyList<(string Sku, int Quantity)> wanted)
    {
        if (wanted.Count == 0)
        {
            throw new CommandValidationException("lines", "name at least one SKU and quantity to return");
        }
        foreach ((string sku, int quantity) in wanted)
        {
            if (quantity <= 0)
            {
                throw new CommandValidationException("lines", $"SKU {sku}: the quantity to return must be positive, not {quantity}");
            }
        }
        ReturnLedger ledger = ReturnLedger.Replay(order, prior);
        int[] ordered = Enumerable.Range(0, order.Lines.Count).OrderBy(i => order.Lines[i].LineNo).ToArray();
        var taken = new int[order.Lines.Count];
        foreach (IGrouping<string, (string Sku, int Quantity)> ask in wanted.GroupBy(w => w.Sku, StringComparer.Ordinal))
        {
            int[] lines = ordered.Where(i => string.Equals(order.Lines[i].MasterSku, ask.Key, StringComparison.Ordinal)).ToArray();
            if (lines.Length == 0)
            {
                throw new CommandValidationException("lines", $"SKU {ask.Key} is not on order {order.OrderId}");
            }
            long asked = ask.Sum(w => (long)w.Quantity);
            int bought = lines.Sum(i => order.Lines[i].Quantity);
            int returned = lines.Sum(ledger.Position);
            if (asked > bought - returned)
            {
                throw new CommandValidationException("lines",
                    $"SKU {ask.Key}: asked to return {asked}, bought {bought}, already returned {returned}");
            }
            int left = (int)asked;
            foreach (int i in lines)
            {
                int take = Math.Min(left, order.Lines[i].Quantity - ledger.Position(i));
                taken[i] += take;
                left -= take;
            }
        }
        return ordered.Where(i => taken[i] > 0).Select(i => new ReturnUnits(order.Lines[i].LineNo, taken[i])).ToArray();
    }

    /// <summary>The units of a quote, merged per line and checked against the order and the earlier claims.</summary>
    public static IReadOnlyList<(int Index, int Count)> Check(OrderRecord order, ReturnLedger before, IReadOnlyList<ReturnUnits> units)
    {
        if (units.Count == 0)
        {
            throw new CommandValidationException("lines", "a refund needs at least one returned unit");
        }
        var counts = new Dictionary<int, long>();
        foreach (ReturnUnits unit in units)
        {
            int index = order.Lines.FindIndex(line => line.LineNo == unit.LineNo);
            if (index < 0)
            {
                throw new CommandValidationException("lines", $"order {order.OrderId} has no line {unit.LineNo}");
            }
            if (unit.Quantity <= 0)
            {
                throw new CommandValidationException("lines", $"line {unit.LineNo}: the quantity to return must be positive, not {unit.Quantity}");
            }
            counts[index] = counts.GetValueOrDefault(index) + unit.Quantity;
        }
        foreach ((int index, long count) in counts)
        {
            OrderLineRecord line = order.Lines[index];
            if (count > line.Quantity - before.Position(index))
            {
                throw new CommandValidationException("lines",
                    $"SKU {RefundContext.SkuOf(line)} (line {line.LineNo}): asked to return {count}, bought {line.Quantity}, already returned {before.Position(index)}");
            }
        }
        return counts.OrderBy(pair => order.Lines[pair.Key].LineNo).Select(pair => (pair.Key, (int)pair.Value)).ToArray();
    }
}
