using System.Collections.Immutable;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.AfterSales;

/// <summary>The figures of a refund as the rules fill them in, each with its sentence.</summary>
internal sealed class QuoteDraft
{
    private readonly List<string> _explanation = [];

    public List<RefundLine> Lines { get; } = [];

    public Money Goods { get; set; }

    public Money CouponReturn { get; set; }

    public Money Shipping { get; set; }

    public Money Insurance { get; set; }

    public Money GiftDeduction { get; set; }

    public Money CouponClawback { get; set; }

    public Money Restored { get; set; }

    public Money Total { get; set; }

    public List<int> GiftsDeducted { get; } = [];

    public List<string> PromotionsClawedBack { get; } = [];

    public void Explain(string sentence) => _explanation.Add(sentence);

    public RefundQuote Build() => new()
    {
        Goods = Goods,
        CouponReturn = CouponReturn,
        Shipping = Shipping,
        Insurance = Insurance,
        GiftDeduction = GiftDeduction,
        CouponClawback = CouponClawback,
        Restored = Restored,
        Total = Total,
        Lines = [.. Lines],
        Explanation = [.. _explanation],
        GiftsDeducted = [.. GiftsDeducted],
        PromotionsClawedBack = [.. PromotionsClawedBack],
    };
}
