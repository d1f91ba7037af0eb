using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.AfterSales;

/// <summary>
/// Refund arithmetic (退款计算) for one RMA, in whole fen: which order lines the returned units are, and what goes back to
/// the buyer given the claims before it. Pure: the order grain keeps the ledger and persists the quote.
/// </summary>
public static class RefundCalculator
{
    /// <summary>
    /// Maps the asked (master SKU, quantity) pairs onto order lines, filling a SKU's lines in line order, counting the
    /// units of every earlier claim that counts (open or refunded; rejected claims gave theirs back). Throws <see cref="Abstractions.Errors.CommandValidationException"/>
    /// (field "lines") for an empty list, a quantity ≤ 0, an unknown SKU or more units than remain returnable.
    /// </summary>
    public static IReadOnlyList<ReturnUnits> Resolve(OrderRecord order, IReadOnlyList<ReturnClaim> prior, IReadOnlyList<(string Sku, int Quantity)> wanted) =>
        ReturnResolver.Resolve(order, prior, wanted);

    /// <summary>
    /// The refund of <paramref name="units"/> given the claims before it, in ledger order (only their units and quotes
    /// count; rejected claims are skipped, open ones count with the quote they carry). <paramref name="insuranceClaimed"/> is the 运费险 payout, booked once per order as the merchant's income.
    /// </summary>
    public static RefundQuote Quote(OrderRecord order, IReadOnlyList<ReturnClaim> prior, ReturnKind kind,
        IReadOnlyList<ReturnUnits> units, Money insuranceClaimed, AfterSalesPolicy policy)
    {
        ShippingInsurance.Validate(insuranceClaimed);
        ReturnLedger before = ReturnLedger.Replay(order, prior);
        IReadOnlyList<(int Index, int Count)> checkedUnits = ReturnResolver.Check(order, before, units);
        var context = new RefundContext(order, kind, checkedUnits, before, before.With(kind, checkedUnits, new RefundQuote()),
            CouponSplit.Of(order), policy);

        var draft = new QuoteDraft();
        if (context.Coupons.Fallback is { } fallback && context.MovesMoney)
        {
            draft.Explain(fallback);
        }
        LineRefunds.Apply(context, draft);
        CouponBreach.Apply(context, draft);
        GiftDeduction.Apply(context, draft);
        ShippingRefund.Apply(context, draft);
        ShippingInsurance.Apply(context, insuranceClaimed, draft);
        RefundTotal.Apply(context, draft);
        return draft.Build();
    }
}
