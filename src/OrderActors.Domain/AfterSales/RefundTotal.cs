using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.AfterSales;

/// <summary>What the buyer gets: the figures added up, never below zero, and never past what the order paid over all its refunds.</summary>
internal static class RefundTotal
{
    public static void Apply(RefundContext context, QuoteDraft draft)
    {
        if (!context.MovesMoney)
        {
            draft.Total = Money.Zero;
            draft.Explain("exchange: goods swapped, no money moves");
            return;
        }
        Money total = draft.Goods - draft.GiftDeduction - draft.CouponClawback + draft.Restored + draft.Shipping;
        draft.Explain($"total {Yuan.Of(total)} = {Terms(draft)}");
        if (total.Fen < 0)
        {
            draft.Explain($"the deductions exceed the refund by {Yuan.Of(new Money(-total.Fen))}: total floored at 0.00");
            total = Money.Zero;
        }
        Money room = context.Order.AmountPaid - context.Before.Refunded;
        if (room.Fen < 0)
        {
            room = Money.Zero;
        }
        if (total > room)
        {
            draft.Explain($"total capped at {Yuan.Of(room)}: with {Yuan.Of(context.Before.Refunded)} refunded before, the order's refunds may not pass the {Yuan.Of(context.Order.AmountPaid)} paid");
            total = room;
        }
        draft.Total = total;
    }

    private static string Terms(QuoteDraft draft)
    {
        var terms = new List<string> { $"goods {Yuan.Of(draft.Goods)}" };
        if (draft.GiftDeduction.Fen != 0)
        {
            terms.Add($"− gifts {Yuan.Of(draft.GiftDeduction)}");
        }
        if (draft.CouponClawback.Fen != 0)
        {
            terms.Add($"− coupon claw-back {Yuan.Of(draft.CouponClawback)}");
        }
        if (draft.Restored.Fen != 0)
        {
            terms.Add($"+ restored {Yuan.Of(draft.Restored)}");
        }
        if (draft.Shipping.Fen != 0)
        {
            terms.Add($"+ shipping {Yuan.Of(draft.Shipping)}");
        }
        return string.Join(" ", terms);
    }
}
