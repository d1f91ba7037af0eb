using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.AfterSales;

/// <summary>Everything the refund rules look at for one RMA: the order, its units by line index, and the ledger before and after it.</summary>
internal sealed record RefundContext(
    OrderRecord Order,
    ReturnKind Kind,
    IReadOnlyList<(int Index, int Count)> Units,
    ReturnLedger Before,
    ReturnLedger After,
    CouponSplit Coupons,
    AfterSalesPolicy Policy)
{
    public bool MovesMoney => Kind != ReturnKind.Exchange;

    public OrderLineRecord Line(int index) => Order.Lines[index];

    public int CountOf(int index) => Units.Where(unit => unit.Index == index).Sum(unit => unit.Count);

    /// <summary>What the buyer paid for the whole line: price × quantity less the line's and its order-discount share.</summary>
    public static Money LinePaid(OrderLineRecord line) => line.UnitPrice * line.Quantity - line.LineDiscount - line.OrderDiscountShare;

    public static string SkuOf(OrderLineRecord line) => line.MasterSku ?? line.PlatformSkuId;

    /// <summary>This RMA's slice of one of a line's amounts.</summary>
    public Money SliceOf(int index, Money amount) =>
        CumulativeShare.Slice(amount, Before.Position(index), CountOf(index), Line(index).Quantity);
}
