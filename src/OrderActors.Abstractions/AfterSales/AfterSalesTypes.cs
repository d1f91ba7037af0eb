using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using Orleans;

namespace OrderActors.Abstractions.AfterSales;

/// <summary>What the buyer asks for: goods back and money back, a swap, or money only (the goods stay with the buyer).</summary>
[GenerateSerializer, Alias("oa.ReturnKind")]
public enum ReturnKind
{
    Return,
    Exchange,
    RefundOnly,
}

/// <summary>
/// An RMA's lifecycle: Requested → Approved | Rejected → Received → Refunded → Closed. A refund-only RMA skips
/// Received; an exchange skips Refunded (its replacement is an order of its own).
/// </summary>
[GenerateSerializer, Alias("oa.RmaStatus")]
public enum RmaStatus
{
    Requested,
    Approved,
    Rejected,
    Received,
    Refunded,
    Closed,
}

/// <summary>Units of one order line in a return.</summary>
[GenerateSerializer, Immutable, Alias("oa.ReturnUnits")]
public sealed record ReturnUnits(int LineNo, int Quantity);

/// <summary>One returned line's money: what the buyer paid for these units, the order coupons' share in that, and what goes back.</summary>
[GenerateSerializer, Immutable, Alias("oa.RefundLine")]
public sealed record RefundLine(int LineNo, string Sku, int Quantity, Money Paid, Money CouponShare, Money Refund);

/// <summary>
/// The refund of one RMA, to the fen, with a sentence for every figure. <see cref="Total"/> is what the buyer gets:
/// goods − gift deduction − coupon claw-back + restored + shipping, floored at 0 and capped so that all refunds of the
/// order stay within what was paid. The 运费险 payout is the merchant's income, never part of it.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.RefundQuote")]
public sealed record RefundQuote
{
    [Id(0)]
    public Money Goods { get; init; }

    /// <summary>The order coupons' and 满减 shares of the returned units (already outside <see cref="Goods"/>).</summary>
    [Id(1)]
    public Money CouponReturn { get; init; }

    [Id(2)]
    public Money Shipping { get; init; }

    /// <summary>运费险 paid out by the insurer for this return, booked as the merchant's income.</summary>
    [Id(3)]
    public Money Insurance { get; init; }

    [Id(4)]
    public Money GiftDeduction { get; init; }

    /// <summary>A coupon taken back because the kept lines no longer reach its threshold (when the tenant says so).</summary>
    [Id(5)]
    public Money CouponClawback { get; init; }

    [Id(6)]
    public Money Total { get; init; }

    [Id(7)]
    public ImmutableList<RefundLine> Lines { get; init; } = [];

    [Id(8)]
    public ImmutableList<string> Explanation { get; init; } = [];

    /// <summary>Gift lines (by line number) this refund deducted, so a later return does not deduct them again.</summary>
    [Id(9)]
    public ImmutableList<int> GiftsDeducted { get; init; } = [];

    /// <summary>Promotions (by name) this refund clawed back.</summary>
    [Id(10)]
    public ImmutableList<string> PromotionsClawedBack { get; init; } = [];

    /// <summary>
    /// Deductions of an earlier refund given back because the units they were taken on came back now: the part of a
    /// clawed-back coupon on these units, the stated value of deducted gifts returned after all.
    /// </summary>
    [Id(11)]
    public Money Restored { get; init; }

    public static RefundQuote None(string why) => new() { Explanation = [why] };
}

/// <summary>When shipping is refunded.</summary>
[GenerateSerializer, Alias("oa.ShippingRefundRule")]
public enum ShippingRefundRule
{
    /// <summary>Only when the whole order has come back.</summary>
    WholeOrderOnly,
    Always,
    Never,
}

/// <summary>What happens to a coupon when the kept lines no longer reach its threshold.</summary>
[GenerateSerializer, Alias("oa.CouponBreachRule")]
public enum CouponBreachRule
{
    /// <summary>The buyer gets the returned lines' paid amount; the coupon share of the kept lines stays with them.</summary>
    ReturnShare,
    /// <summary>The kept lines lose the coupon: its part on them is deducted from the refund.</summary>
    ClawBackWhole,
}

/// <summary>A tenant's refund rules.</summary>
[GenerateSerializer, Immutable, Alias("oa.AfterSalesPolicy")]
public sealed record AfterSalesPolicy(ShippingRefundRule Shipping = ShippingRefundRule.WholeOrderOnly, CouponBreachRule CouponBreach = CouponBreachRule.ReturnShare)
{
    public static readonly AfterSalesPolicy Default = new();
}

/// <summary>
/// What the order remembers of one RMA: its units, its refund (quoted while open, final once refunded) and where it
/// stands. A rejected claim gives its units back; every other one keeps them.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.ReturnClaim")]
public sealed record ReturnClaim(string RmaId, ReturnKind Kind, ImmutableList<ReturnUnits> Units, RefundQuote Quote, RmaStatus Status)
{
    /// <summary>Who opened it (<c>channel:taobao</c>, <c>operator:alice</c>).</summary>
    [Id(5)]
    public string Source { get; init; } = "";

    /// <summary>运费险 the buyer claimed with it, booked when it refunds.</summary>
    [Id(6)]
    public Money InsuranceClaimed { get; init; }

    public bool Open => Status is RmaStatus.Requested or RmaStatus.Approved or RmaStatus.Received;

    /// <summary>Its units are taken (not rejected).</summary>
    public bool Counts => Status != RmaStatus.Rejected;
}
