using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.AfterSales;

namespace OrderActors.Domain.Tests.Support;

/// <summary>Plays the order grain's part: resolves and quotes each RMA against the claims before it and keeps the ledger.</summary>
public sealed class ReturnHistory(OrderRecord order, AfterSalesPolicy? policy = null)
{
    private readonly List<ReturnClaim> _claims = [];

    public OrderRecord Order => order;

    public IReadOnlyList<ReturnClaim> Claims => _claims;

    public AfterSalesPolicy Policy { get; } = policy ?? AfterSalesPolicy.Default;

    public RefundQuote Return(params (string Sku, int Quantity)[] wanted) => Claim(ReturnKind.Return, Money.Zero, wanted);

    public RefundQuote Claim(ReturnKind kind, Money insurance, params (string Sku, int Quantity)[] wanted)
    {
        IReadOnlyList<ReturnUnits> units = RefundCalculator.Resolve(order, _claims, wanted);
        RefundQuote quote = RefundCalculator.Quote(order, _claims, kind, units, insurance, Policy);
        _claims.Add(new ReturnClaim($"RMA-{_claims.Count + 1}", kind, [.. units], quote, kind == ReturnKind.Exchange ? RmaStatus.Closed : RmaStatus.Refunded));
        return quote;
    }

    /// <summary>An RMA that was asked for and rejected: it is in the ledger but gives its units back.</summary>
    public void Rejected(params (string Sku, int Quantity)[] wanted)
    {
        IReadOnlyList<ReturnUnits> units = RefundCalculator.Resolve(order, _claims, wanted);
        _claims.Add(new ReturnClaim($"RMA-{_claims.Count + 1}", ReturnKind.Return, [.. units], new RefundQuote(), RmaStatus.Rejected));
    }
}
