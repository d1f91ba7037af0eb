using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using Orleans;

namespace OrderActors.Abstractions.Catalog;

/// <summary>A master SKU of the tenant's catalog.</summary>
[GenerateSerializer, Immutable, Alias("oa.SkuInfo")]
public sealed record SkuInfo(string Sku, string Name, bool ColdChain, Money? ListPrice, int Buckets);

/// <summary>What the catalog knows of a warehouse: enough to allocate (location, cold chain, breaker).</summary>
[GenerateSerializer, Alias("oa.WarehouseSummary")]
public sealed record WarehouseSummary(
    string WarehouseId, string Name, GeoPoint Location, string Region, bool ColdChain, int DailyCapacity,
    IReadOnlyList<string> Backups, BreakerState Breaker, string? SupplierId = null);

/// <summary>Everything an allocation needs in one read: warehouses, the SKUs asked about, their stock per warehouse.</summary>
[GenerateSerializer, Alias("oa.AllocationSnapshot")]
public sealed record AllocationSnapshot(
    IReadOnlyList<WarehouseSummary> Warehouses,
    IReadOnlyDictionary<string, SkuInfo> Skus,
    IReadOnlyList<StockLevel> Levels);
