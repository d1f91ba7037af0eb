using System.Diagnostics;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Hub;

/// <summary>What the setup step created in the hub.</summary>
public sealed record SetupSummary(int Warehouses, int Skus, int HotSkus, int StockRows, long StockUnits, int Mappings, double Seconds);

/// <summary>Thrown when the hub refuses part of the setup; the message names the call and the hub's problem detail.</summary>
public sealed class SetupFailedException(string message) : Exception(message);

/// <summary>
/// Creates the merchant in the hub before traffic starts: warehouses, the master catalog (hot SKUs with several
/// stock buckets), stock at every warehouse and the SKU mapping of every channel, calls spread over a few workers.
/// </summary>
public sealed class HubSetup(HubClient client, int parallelism = 16)
{
    public async Task<SetupSummary> RunAsync(IReadOnlyList<WarehouseSite> warehouses, Catalog catalog, StockPlan stock, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Backups must name existing warehouses and these back each other up: all of them first, then their backups.
        await PutAllAsync(warehouses, site => ($"/api/v1/warehouses/{Escape(site.WarehouseId)}", Warehouse(site with { Backups = [] })), cancellationToken);
        await PutAllAsync(warehouses.Where(site => site.Backups.Count > 0), site => ($"/api/v1/warehouses/{Escape(site.WarehouseId)}", Warehouse(site)), cancellationToken);
        await PutAllAsync(catalog.ByRank, sku => ($"/api/v1/skus/{Escape(sku.Sku)}", Sku(sku)), cancellationToken);
        await PutAllAsync(stock.Levels, level => ($"/api/v1/inventory/{Escape(level.WarehouseId)}/{Escape(level.Sku.Sku)}", Inventory(level.OnHand)), cancellationToken);
        (Channel Channel, CatalogSku Sku)[] mappings = catalog.ByRank.SelectMany(sku => Enum.GetValues<Channel>().Select(channel => (channel, sku))).ToArray();
        await PutAllAsync(mappings, mapping => (MappingPath(mapping.Channel, mapping.Sku), Mapping(mapping.Sku)), cancellationToken);
        return new SetupSummary(
            warehouses.Count, catalog.ByRank.Count, catalog.Hot.Count(), stock.Levels.Count, stock.TotalUnits, mappings.Length, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Creates one SKU with its stock and its mapping on one channel: the hot-SKU comparison's whole merchant.</summary>
    public async Task PutSingleSkuAsync(WarehouseSite warehouse, CatalogSku sku, int onHand, Channel channel, CancellationToken cancellationToken)
    {
        await PutAsync($"/api/v1/warehouses/{Escape(warehouse.WarehouseId)}", Warehouse(warehouse with { Backups = [] }), cancellationToken);
        await PutAsync($"/api/v1/skus/{Escape(sku.Sku)}", Sku(sku), cancellationToken);
        await PutAsync($"/api/v1/inventory/{Escape(warehouse.WarehouseId)}/{Escape(sku.Sku)}", Inventory(onHand), cancellationToken);
        await PutAsync(MappingPath(channel, sku), Mapping(sku), cancellationToken);
    }

    private Task PutAllAsync<T>(IEnumerable<T> items, Func<T, (string Path, JsonObject Body)> call, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                (string path, JsonObject body) = call(item);
                await PutAsync(path, body, token);
            });

    private async Task PutAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        HubResponse response = await client.PutAsync(path, body, cancellationToken);
        if (!response.IsSuccess)
        {
            throw new SetupFailedException($"PUT {path} → {response.Problem}");
        }
    }

    private static JsonObject Warehouse(WarehouseSite site) => new()
    {
        ["name"] = site.Name,
        ["latitude"] = site.Latitude,
        ["longitude"] = site.Longitude,
        ["region"] = site.Region,
        ["coldChain"] = site.ColdChain,
        ["dailyCapacity"] = site.DailyCapacity,
        ["backups"] = new JsonArray(site.Backups.Select(id => (JsonNode)id).ToArray()),
    };

    private static JsonObject Sku(CatalogSku sku) => new()
    {
        ["name"] = $"{sku.Title} {sku.VariantText}",
        ["coldChain"] = sku.ColdChain,
        ["listPriceFen"] = sku.UnitPriceFen,
        ["buckets"] = sku.Buckets,
    };

    private static JsonObject Inventory(int onHand) => new() { ["onHand"] = onHand, ["safetyStock"] = 0 };

    private static JsonObject Mapping(CatalogSku sku) => new() { ["sku"] = sku.Sku, ["variant"] = sku.VariantText };

    private static string MappingPath(Channel channel, CatalogSku sku) =>
        $"/api/v1/sku-mappings/{channel.ToRouteName()}/{Escape(sku.PlatformSkuId(channel))}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
