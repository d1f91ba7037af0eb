using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Intake;

/// <summary>
/// An order line in master-SKU terms with its money split: <see cref="OrderDiscountShare"/> is this line's part of
/// the order-level discount (满减, coupons), so refunds of one line give back exactly its share.
/// </summary>
public sealed record MappedOrderLine(
    string PlatformSkuId,
    string? MasterSku,
    int Quantity,
    Money UnitPrice,
    Money LineDiscount,
    Money OrderDiscountShare)
{
    /// <summary>What the buyer paid for this line: price × quantity − line discount − its share of the order discount.</summary>
    public Money NetAmount => UnitPrice * Quantity - LineDiscount - OrderDiscountShare;
}
