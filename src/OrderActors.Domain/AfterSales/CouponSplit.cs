using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;

namespace OrderActors.Domain.AfterSales;

/// <summary>One order-level promotion (or the unnamed rest of the order discount) and its part on each line, by line index.</summary>
internal sealed record PromotionPart(string Name, Money Threshold, Money Discount, bool IsNamed, ImmutableArray<Money> PerLine);

/// <summary>
/// Splits every line's order-discount share among the order's promotions so that each line's parts add up to its
/// share and each promotion's parts add up to its discount. Promotions are placed one after the other, each by
/// largest remainder over what the lines still have room for; the unnamed rest takes what is left.
/// </summary>
internal sealed class CouponSplit
{
    public const string UnnamedName = "order discount";

    private CouponSplit(ImmutableArray<PromotionPart> parts, string? fallback)
    {
        Parts = parts;
        Fallback = fallback;
    }

    public ImmutableArray<PromotionPart> Parts { get; }

    /// <summary>Why the named promotions were not used, when they do not fit the order's figures.</summary>
    public string? Fallback { get; }

    public static CouponSplit Of(OrderRecord order)
    {
        Money[] shares = order.Lines.Select(line => line.OrderDiscountShare).ToArray();
        long shareSum = shares.Sum(share => share.Fen);
        ImmutableList<OrderPromotion> promotions = order.Promotions;
        if (promotions.Count == 0)
        {
            return Unnamed(shares, null);
        }
        long promotionSum = promotions.Sum(promotion => promotion.Discount.Fen);
        string? misfit =
            promotions.Any(p => p.Discount.Fen < 0 || p.Threshold.Fen < 0) ? "a promotion has a negative discount or threshold"
            : shares.Any(share => share.Fen < 0) ? "a line has a negative order-discount share"
            : shareSum != order.OrderDiscount.Fen ? $"the lines' shares add up to {Yuan.Of(new Money(shareSum))}, not the order discount {Yuan.Of(order.OrderDiscount)}"
            : promotionSum > order.OrderDiscount.Fen ? $"the promotions add up to {Yuan.Of(new Money(promotionSum))}, more than the order discount {Yuan.Of(order.OrderDiscount)}"
            : null;
        if (misfit is not null)
        {
            return Unnamed(shares, $"promotions {string.Join(", ", promotions.Select(p => p.Name))} do not fit the order ({misfit}): treated as one order discount");
        }

        var parts = ImmutableArray.CreateBuilder<PromotionPart>(promotions.Count + 1);
        Money[] room = shares;
        foreach (OrderPromotion promotion in promotions)
        {
            IReadOnlyList<Money> placed = DiscountProration.Allocate(promotion.Discount, room);
            room = room.Select((left, i) => left - placed[i]).ToArray();
            parts.Add(new PromotionPart(promotion.Name, promotion.Threshold, promotion.Discount, IsNamed: true, [.. placed]));
        }
        if (order.OrderDiscount.Fen > promotionSum)
        {
            parts.Add(new PromotionPart(UnnamedName, Money.Zero, new Money(order.OrderDiscount.Fen - promotionSum), IsNamed: false, [.. room]));
        }
        return new CouponSplit(parts.ToImmutable(), null);
    }

    private static CouponSplit Unnamed(Money[] shares, string? fallback) =>
        shares.All(share => share.Fen == 0)
            ? new CouponSplit([], fallback)
            : new CouponSplit([new PromotionPart(UnnamedName, Money.Zero, new Money(shares.Sum(s => s.Fen)), IsNamed: false, [.. shares])], fallback);
}
