using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Silo.Tests.Cluster.Support;

/// <summary>Warehouses, SKUs, stock and mappings of one tenant, set up through the grains as the REST facade does.</summary>
public sealed class GrainWorld(IGrainFactory grains, string tenant)
{
    public static readonly GeoPoint Hangzhou = new(30.27, 120.15);
    public static readonly GeoPoint Shanghai = new(31.23, 121.47);

    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(Keys.Tenant(tenant));

    public IWarehouseGrain Warehouse(string id) => grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(tenant, id));

    public IOrderGrain Order(string orderId) => grains.GetGrain<IOrderGrain>(Keys.Order(tenant, orderId));

    public Task<WarehouseView> WarehouseAsync(string id, GeoPoint at, params string[] backups) =>
        Warehouse(id).UpsertAsync(new WarehouseDefinition($"{id} 仓", at, "华东", false, 10_000, backups));

    public Task<SkuInfo> SkuAsync(string sku, int buckets) =>
        Catalog.UpsertSkuAsync(new SkuInfo(sku, $"商品 {sku}", false, new Money(5000), buckets));

    public Task<StockLevel> StockAsync(string warehouseId, string sku, int onHand) => Catalog.SetInventoryAsync(warehouseId, sku, onHand, 0);

    public Task<SkuMappingView> MapAsync(Channel channel, string platformSkuId, string sku) =>
        grains.GetGrain<ISkuMappingGrain>(Keys.Mapping(tenant, channel, platformSkuId)).SetAsync(sku, null);

    public Task<StockLevel> LevelAsync(string warehouseId, string sku) =>
        grains.GetGrain<ISkuStockGrain>(Keys.Stock(tenant, sku, warehouseId)).GetLevelAsync();

    /// <summary>Waits until every order exists and none is still between payment and allocation.</summary>
    public async Task<IReadOnlyList<OrderRecord>> SettleAsync(IEnumerable<string> orderIds, TimeSpan within)
    {
        List<string> ids = orderIds.ToList();
        OrderRecord?[] settled = await Recovering.UntilAsync(
            () => Task.WhenAll(ids.Select(id => Order(id).GetAsync())),
            orders => orders.All(o => o is { Status: not (OrderStatus.Paid or OrderStatus.Reserved) }),
            within,
            orders => $"{orders.Count(o => o is null or { Status: OrderStatus.Paid or OrderStatus.Reserved })} of {ids.Count} orders missing or unsettled");
        return settled!;
    }
}
