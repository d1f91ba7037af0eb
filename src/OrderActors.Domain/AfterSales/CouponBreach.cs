using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.AfterSales;

/// <summary>
/// 满减 thresholds: when the kept goods fall below a promotion's threshold, the tenant either lets the buyer keep its
/// part on the kept units or claws that part back, once per order. A later return of clawed-back units gives their part back.
/// </summary>
internal static class CouponBreach
{
    public static void Apply(RefundContext context, QuoteDraft draft)
    {
        if (!context.MovesMoney)
        {
            return;
        }
        foreach (PromotionPart part in context.Coupons.Parts.Where(part => part.IsNamed))
        {
            if (context.Before.PromotionsClawedBack.Contains(part.Name))
            {
                Restore(context, draft, part);
            }
            else if (part.Threshold.Fen > 0 && !draft.PromotionsClawedBack.Contains(part.Name))
            {
                CheckThreshold(context, draft, part);
            }
        }
    }

    private static void Restore(RefundContext context, QuoteDraft draft, PromotionPart part)
    {
        Money back = context.Units.Aggregate(Money.Zero, (sum, unit) => sum + context.SliceOf(unit.Index, part.PerLine[unit.Index]));
        if (back.Fen > 0)
        {
            draft.Restored += back;
            draft.Explain($"{part.Name} was clawed back earlier: its {Yuan.Of(back)} on these units comes back");
        }
    }

    private static void CheckThreshold(RefundContext context, QuoteDraft draft, PromotionPart part)
    {
        Money keptAfter = context.After.KeptGoods();
        if (keptAfter >= part.Threshold)
        {
            return;
        }
        Money bought = context.Order.Lines.Aggregate(Money.Zero, (sum, line) => sum + line.UnitPrice * line.Quantity - line.LineDiscount);
        if (bought < part.Threshold)
        {
            draft.Explain($"{part.Name}: the order's goods {Yuan.Of(bought)} never reached its threshold {Yuan.Of(part.Threshold)}, so returns do not breach it");
            return;
        }
        Money onKept = Enumerable.Range(0, context.Order.Lines.Count)
            .Aggregate(Money.Zero, (sum, i) => sum + context.After.KeptPart(i, part.PerLine[i]));
        string breach = $"{part.Name} needs {Yuan.Of(part.Threshold)} but the kept goods are now {Yuan.Of(keptAfter)}";
        if (context.Policy.CouponBreach == CouponBreachRule.ReturnShare)
        {
            if (context.Before.KeptGoods() >= part.Threshold)
            {
                draft.Explain($"{breach}: the buyer keeps its {Yuan.Of(onKept)} on the kept goods (rule: return share)");
            }
            return;
        }
        if (onKept.Fen <= 0)
        {
            draft.Explain($"{breach}: nothing of it is left on kept goods to claw back");
            return;
        }
        draft.CouponClawback += onKept;
        draft.PromotionsClawedBack.Add(part.Name);
        draft.Explain($"{breach}: its share on the kept goods is clawed back: {Yuan.Minus(onKept)}");
    }
}
