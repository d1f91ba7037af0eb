using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.AfterSales;

/// <summary>
/// 赠品: when every line a gift came with is back, the gift units the buyer keeps are deducted at their stated value,
/// once. Gift units returned after that get their value back.
/// </summary>
internal static class GiftDeduction
{
    public static void Apply(RefundContext context, QuoteDraft draft)
    {
        if (!context.MovesMoney)
        {
            return;
        }
        int[] paidLines = Enumerable.Range(0, context.Order.Lines.Count).Where(i => context.Line(i).Gift is null).ToArray();
        for (int gift = 0; gift < context.Order.Lines.Count; gift++)
        {
            OrderLineRecord line = context.Line(gift);
            if (line.Gift is not { } terms || terms.StatedValue.Fen <= 0)
            {
                continue;
            }
            if (context.Before.GiftsDeducted.Contains(line.LineNo))
            {
                Restore(context, draft, gift, terms);
            }
            else
            {
                Deduct(context, draft, gift, terms, CameWith(context, paidLines, terms, out bool matched), matched);
            }
        }
    }

    private static void Restore(RefundContext context, QuoteDraft draft, int gift, GiftTerms terms)
    {
        int back = context.CountOf(gift);
        if (back > 0)
        {
            draft.Restored += terms.StatedValue * back;
            draft.Explain($"gift {TitleOf(context.Line(gift))} deducted earlier came back: {Yuan.Of(terms.StatedValue * back)}");
        }
    }

    private static void Deduct(RefundContext context, QuoteDraft draft, int gift, GiftTerms terms, int[] cameWith, bool matched)
    {
        string title = TitleOf(context.Line(gift));
        if (cameWith.Length == 0 || !cameWith.Any(i => context.CountOf(i) > 0))
        {
            return;
        }
        if (!cameWith.All(context.After.FullyReturned))
        {
            draft.Explain($"gift {title} stays with the buyer: not all of what it came with is back yet");
            return;
        }
        if (!matched)
        {
            draft.Explain($"gift {title} names SKUs that are not on this order: taken as a gift with the whole order");
        }
        int kept = context.After.Kept(gift);
        if (kept <= 0)
        {
            draft.Explain($"gift {title} came back too: nothing deducted");
            return;
        }
        Money deduction = terms.StatedValue * kept;
        draft.GiftDeduction += deduction;
        draft.GiftsDeducted.Add(context.Line(gift).LineNo);
        draft.Explain(kept == 1
            ? $"gift {title} not returned: {Yuan.Minus(deduction)}"
            : $"gift {title} ×{kept} not returned ({Yuan.Of(terms.StatedValue)} each): {Yuan.Minus(deduction)}");
    }

    /// <summary>The paid lines a gift came with: those it names, or the whole order when it names none (or none that exist).</summary>
    private static int[] CameWith(RefundContext context, int[] paidLines, GiftTerms terms, out bool matched)
    {
        matched = true;
        if (terms.ForPlatformSkuIds.Count == 0)
        {
            return paidLines;
        }
        int[] named = paidLines.Where(i => terms.ForPlatformSkuIds.Contains(context.Line(i).PlatformSkuId, StringComparer.Ordinal)).ToArray();
        if (named.Length > 0)
        {
            return named;
        }
        matched = false;
        return paidLines;
    }

    private static string TitleOf(OrderLineRecord line) => line.Title.Length > 0 ? line.Title : RefundContext.SkuOf(line);
}
