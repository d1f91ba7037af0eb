using OrderActors.Abstractions.Stock;
using Orleans;
using Orleans.Concurrency;

namespace OrderActors.Abstractions.Catalog;

/// <summary>
/// A tenant's catalog (key: <c>tenant</c>): master SKUs, warehouse summaries and which SKU is stocked
/// where, plus a cache of stock levels kept current by the buckets' one-way reports. Read once per
/// allocation; buckets stay the authority for reservations.
/// </summary>
[Alias("oa.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithStringKey
{
    /// <summary>Adds or changes a SKU; its bucket count can grow, never shrink.</summary>
    [Alias("UpsertSkuAsync")]
    Task<SkuInfo> UpsertSkuAsync(SkuInfo sku);

    /// <summary>The SKU, or null when the catalog does not have it.</summary>
    [Alias("GetSkuAsync")]
    Task<SkuInfo?> GetSkuAsync(string sku);

    /// <summary>Every SKU of the catalog.</summary>
    [Alias("ListSkusAsync")]
    Task<IReadOnlyList<SkuInfo>> ListSkusAsync();

    /// <summary>The given SKUs that the catalog has, by SKU.</summary>
    [Alias("GetSkusAsync")]
    Task<IReadOnlyDictionary<string, SkuInfo>> GetSkusAsync(IReadOnlyList<string> skus);

    /// <summary>Keeps a warehouse's summary current (called by the warehouse grain).</summary>
    [Alias("UpsertWarehouseAsync")]
    Task UpsertWarehouseAsync(WarehouseSummary warehouse);

    /// <summary>Every warehouse's summary.</summary>
    [Alias("ListWarehousesAsync")]
    Task<IReadOnlyList<WarehouseSummary>> ListWarehousesAsync();

    /// <summary>A stock count: sets on-hand and safety stock (null: keep it) of a catalog SKU at a defined warehouse, spread over the SKU's buckets.</summary>
    [Alias("SetInventoryAsync")]
    Task<StockLevel> SetInventoryAsync(string warehouseId, string sku, int onHand, int? safetyStock);

    /// <summary>A SKU's exact stock at every warehouse that stocks it.</summary>
    [Alias("GetInventoryAsync")]
    Task<IReadOnlyList<StockLevel>> GetInventoryAsync(string sku);

    /// <summary>The SKUs stocked at a warehouse.</summary>
    [Alias("SkusAtAsync")]
    Task<IReadOnlyList<string>> SkusAtAsync(string warehouseId);

    /// <summary>The warehouses stocking a SKU.</summary>
    [Alias("WarehousesOfAsync")]
    Task<IReadOnlyList<string>> WarehousesOfAsync(string sku);

    /// <summary>Warehouses, the given SKUs and their levels at every warehouse that stocks them.</summary>
    [Alias("GetAllocationSnapshotAsync")]
    Task<AllocationSnapshot> GetAllocationSnapshotAsync(IReadOnlyList<string> skus);

    /// <summary>A bucket's levels changed (one-way, from the bucket).</summary>
    [OneWay]
    [Alias("ReportLevelAsync")]
    Task ReportLevelAsync(BucketLevel level);

    /// <summary>SKUs at or below their safety stock per warehouse (低库存预警), and how many are oversold (reserved above on hand).</summary>
    [Alias("GetStockHealthAsync")]
    Task<StockHealth> GetStockHealthAsync();
}
