using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Grains.Tests.Support;

/// <summary>Warehouses, catalog, stock and mappings, set up through the grains as the REST facade does.</summary>
public sealed class HubSetup(IGrainFactory grains, string tenant)
{
    public static readonly GeoPoint Hangzhou = new(30.27, 120.15);
    public static readonly GeoPoint Shanghai = new(31.23, 121.47);
    public static readonly GeoPoint Nanjing = new(32.06, 118.80);
    public static readonly GeoPoint Beijing = new(39.90, 116.40);

    public ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(tenant);

    public IWarehouseGrain Warehouse(string id) => grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(tenant, id));

    public Task<WarehouseView> WarehouseAsync(string id, GeoPoint at, bool coldChain = false, params string[] backups) =>
        Warehouse(id).UpsertAsync(new WarehouseDefinition($"{id} 仓", at, "华东", coldChain, 10_000, backups));

    public Task<SkuInfo> SkuAsync(string sku, int buckets = 1, bool coldChain = false, long? listPriceFen = 5000) =>
        Catalog.UpsertSkuAsync(new SkuInfo(sku, $"商品 {sku}", coldChain, listPriceFen is { } fen ? new Money(fen) : null, buckets));

    public Task<StockLevel> StockAsync(string warehouseId, string sku, int onHand, int safetyStock = 0) =>
        Catalog.SetInventoryAsync(warehouseId, sku, onHand, safetyStock);

    public Task<SkuMappingView> MapAsync(Channel channel, string platformSkuId, string sku, string? variant = null) =>
        grains.GetGrain<ISkuMappingGrain>(Keys.Mapping(tenant, channel, platformSkuId)).SetAsync(sku, variant);

    /// <summary>The small world most order tests use: WH-HZ and WH-BJ with 10 CUPs each, Taobao's "tb-cup" mapped to CUP.</summary>
    public async Task CupWorldAsync()
    {
        await WarehouseAsync("WH-HZ", Hangzhou);
        await WarehouseAsync("WH-BJ", Beijing);
        await SkuAsync("CUP");
        await StockAsync("WH-HZ", "CUP", 10);
        await StockAsync("WH-BJ", "CUP", 10);
        await MapAsync(Channel.Taobao, "tb-cup", "CUP");
    }

    public Task<StockLevel> LevelAsync(string warehouseId, string sku) =>
        grains.GetGrain<ISkuStockGrain>(Keys.Stock(tenant, sku, warehouseId)).GetLevelAsync();
}
