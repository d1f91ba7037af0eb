using OrderActors.Abstractions.Common;
using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>
/// An order-level coupon or 满减 (满300减50: threshold 300.00, discount 50.00), part of the order discount. Zero
/// threshold: no condition.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.OrderPromotion")]
public sealed record OrderPromotion(string Name, Money Threshold, Money Discount);

/// <summary>
/// A gift (赠品) line: its stated value per unit and the platform SKUs it came with (empty: with the whole order).
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.GiftTerms")]
public sealed record GiftTerms(Money StatedValue, IReadOnlyList<string> ForPlatformSkuIds);
