using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Domain.Allocation;

/// <summary>A snapshot of one warehouse as the allocation policy sees it.</summary>
/// <param name="IsColdChain">冷链仓: can hold and ship cold-chain goods.</param>
/// <param name="Stock">Stock per master SKU; a SKU the warehouse does not carry is simply absent.</param>
public sealed record WarehouseCandidate(
    string Id,
    GeoPoint Location,
    bool IsColdChain,
    BreakerState Breaker,
    IReadOnlyDictionary<string, SkuStock> Stock)
{
    /// <summary>The stock of a SKU here, or none when the warehouse does not carry it.</summary>
    public SkuStock StockOf(string masterSku) => Stock.TryGetValue(masterSku, out SkuStock stock) ? stock : default;
}

/// <summary>One SKU's counts in one warehouse, in whole units.</summary>
/// <param name="OnHand">在库: physically in the warehouse.</param>
/// <param name="Reserved">预占: promised to orders not yet shipped.</param>
/// <param name="SafetyStock">安全库存: held back from sale.</param>
public readonly record struct SkuStock(int OnHand, int Reserved, int SafetyStock)
{
    /// <summary>可售: on hand minus reserved minus safety stock, never below zero.</summary>
    public int Sellable => (int)Math.Max(0L, (long)OnHand - Reserved - SafetyStock);
}
