using OrderActors.Abstractions.AfterSales;

namespace OrderActors.Domain.AfterSales;

/// <summary>Shipping goes back once per order, when the tenant's rule says so; gift lines do not count as goods here.</summary>
internal static class ShippingRefund
{
    public static void Apply(RefundContext context, QuoteDraft draft)
    {
        string fee = Yuan.Of(context.Order.ShippingFee);
        if (!context.MovesMoney || context.Order.ShippingFee.Fen <= 0)
        {
            return;
        }
        if (context.Before.ShippingRefunded)
        {
            draft.Explain($"shipping {fee} was refunded with an earlier return");
            return;
        }
        int[] paidLines = Enumerable.Range(0, context.Order.Lines.Count).Where(i => context.Line(i).Gift is null).ToArray();
        switch (context.Policy.Shipping)
        {
            case ShippingRefundRule.Never:
                draft.Explain($"shipping {fee} not refunded: the shop does not refund shipping");
                break;
            case ShippingRefundRule.Always when paidLines.Any(i => context.CountOf(i) > 0):
                draft.Shipping = context.Order.ShippingFee;
                draft.Explain($"shipping {fee} refunded with the first return of goods (rule: always)");
                break;
            case ShippingRefundRule.WholeOrderOnly:
                int kept = paidLines.Sum(context.After.Kept);
                if (paidLines.Length > 0 && kept == 0)
                {
                    draft.Shipping = context.Order.ShippingFee;
                    draft.Explain($"shipping {fee} refunded: the whole order came back");
                }
                else
                {
                    draft.Explain($"shipping {fee} not refunded: only a whole-order return gets it back, and {kept} unit(s) are still with the buyer");
                }
                break;
        }
    }
}
