using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.AfterSales;

/// <summary>Each returned line's paid amount and coupon share, as cumulative slices, and the goods and coupon totals.</summary>
internal static class LineRefunds
{
    public static void Apply(RefundContext context, QuoteDraft draft)
    {
        foreach ((int index, int count) in context.Units)
        {
            OrderLineRecord line = context.Line(index);
            Money paid = context.SliceOf(index, RefundContext.LinePaid(line));
            Money refund = context.MovesMoney ? paid : Money.Zero;
            draft.Explain($"line {line.LineNo} {RefundContext.SkuOf(line)} ×{count} of {line.Quantity}: paid {Yuan.Of(paid)}, refund {Yuan.Of(refund)}");
            Money coupon = Money.Zero;
            if (context.MovesMoney)
            {
                foreach (PromotionPart part in context.Coupons.Parts)
                {
                    Money share = context.SliceOf(index, part.PerLine[index]);
                    if (share.Fen != 0)
                    {
                        draft.Explain(part.IsNamed ? $"order coupon {part.Name}: this line's share {Yuan.Of(share)}" : $"order discount: this line's share {Yuan.Of(share)}");
                    }
                    coupon += share;
                }
            }
            draft.Lines.Add(new RefundLine(line.LineNo, RefundContext.SkuOf(line), count, paid, coupon, refund));
            draft.Goods += refund;
            draft.CouponReturn += coupon;
        }
        if (context.MovesMoney)
        {
            draft.Explain($"goods {Yuan.Of(draft.Goods)}: what the buyer paid for the returned units");
            if (draft.CouponReturn.Fen != 0)
            {
                draft.Explain($"coupons {Yuan.Of(draft.CouponReturn)} go back with these units: the buyer never paid them, so they are not refunded");
            }
        }
    }
}
