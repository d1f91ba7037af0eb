using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.AfterSales;

namespace OrderActors.Domain.Tests.Support;

/// <summary>
/// Plays a scenario's returns the way the grain would: random partial RMAs of random SKUs (a few rejected, some with
/// 运费险, exchanges when allowed) until every unit of the order is taken.
/// </summary>
public static class ReturnPlan
{
    public static IReadOnlyList<ReturnClaim> Run(RefundScenario scenario)
    {
        OrderRecord order = scenario.Order;
        var claims = new List<ReturnClaim>();
        int cursor = 0;
        int rejected = 0;
        int Next(int bound) => scenario.Picks[cursor++ % scenario.Picks.Length] % bound;

        while (true)
        {
            Dictionary<string, int> remaining = Remaining(order, claims);
            List<string> open = remaining.Where(pair => pair.Value > 0).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList();
            if (open.Count == 0)
            {
                return claims;
            }
            var wanted = new List<(string Sku, int Quantity)>();
            for (int skus = 1 + Next(Math.Min(3, open.Count)); skus > 0; skus--)
            {
                string sku = open[Next(open.Count)];
                open.Remove(sku);
                wanted.Add((sku, 1 + Next(remaining[sku])));
            }
            ReturnKind kind = scenario.WithExchanges && Next(4) == 0 ? ReturnKind.Exchange : Next(2) == 0 ? ReturnKind.Return : ReturnKind.RefundOnly;
            Money insurance = Next(3) == 0 ? new Money(800) : Money.Zero;
            IReadOnlyList<ReturnUnits> units = RefundCalculator.Resolve(order, claims, wanted);
            RefundQuote quote = RefundCalculator.Quote(order, claims, kind, units, insurance, scenario.Policy);
            RmaStatus status = rejected < 2 && Next(6) == 0 ? RmaStatus.Rejected : kind == ReturnKind.Exchange ? RmaStatus.Closed : RmaStatus.Refunded;
            rejected += status == RmaStatus.Rejected ? 1 : 0;
            claims.Add(new ReturnClaim($"RMA-{claims.Count + 1}", kind, [.. units], quote, status));
        }
    }

    /// <summary>Units per master SKU not yet taken by a claim that counts.</summary>
    public static Dictionary<string, int> Remaining(OrderRecord order, IEnumerable<ReturnClaim> claims)
    {
        Dictionary<int, int> taken = Taken(claims);
        return order.Lines.GroupBy(line => line.MasterSku!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Quantity - taken.GetValueOrDefault(line.LineNo)), StringComparer.Ordinal);
    }

    /// <summary>Units per line number taken by the claims that count.</summary>
    public static Dictionary<int, int> Taken(IEnumerable<ReturnClaim> claims) => claims.Where(claim => claim.Counts)
        .SelectMany(claim => claim.Units)
        .GroupBy(unit => unit.LineNo)
        .ToDictionary(group => group.Key, group => group.Sum(unit => unit.Quantity));
}
