using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Stock;
using Orleans;
using OrderActors.Persistence.Journal;
using Orleans.Runtime;

namespace OrderActors.Grains.Catalog;

/// <summary>
/// A tenant's catalog (key <c>tenant</c>). Read once per allocation; written rarely (setup, breaker
/// changes). Stock levels are a cache refreshed by the buckets; on a cold start it asks the SKU stock
/// roots, which never call back here, so no cycle can form.
/// </summary>
[GrainType("catalog")]
public sealed class CatalogGrain([JournaledState("catalog")] IJournaledState<CatalogState, CatalogEvent> journal) : Grain, ICatalogGrain
{
    private readonly StockLevelCache _levels = new();

    public async Task<SkuInfo> UpsertSkuAsync(SkuInfo sku)
    {
        if (journal.State.Skus.TryGetValue(sku.Sku, out SkuInfo? existing))
        {
            if (sku.Buckets < existing.Buckets)
            {
                throw new ConflictException($"SKU {sku.Sku} has {existing.Buckets} buckets; the count can grow but not shrink.");
            }
            if (existing == sku)
            {
                return existing;
            }
        }
        await journal.AppendAsync(new SkuUpserted(sku));
        return sku;
    }

    public Task<SkuInfo?> GetSkuAsync(string sku) => Task.FromResult(journal.State.Skus.GetValueOrDefault(sku));

    public Task<IReadOnlyList<SkuInfo>> ListSkusAsync() => Task.FromResult<IReadOnlyList<SkuInfo>>([.. journal.State.Skus.Values]);

    public Task<IReadOnlyDictionary<string, SkuInfo>> GetSkusAsync(IReadOnlyList<string> skus) =>
        Task.FromResult<IReadOnlyDictionary<string, SkuInfo>>(skus.Distinct()
            .Where(journal.State.Skus.ContainsKey)
            .ToDictionary(s => s, s => journal.State.Skus[s]));

    public async Task UpsertWarehouseAsync(WarehouseSummary warehouse)
    {
        if (journal.State.Warehouses.GetValueOrDefault(warehouse.WarehouseId) is { } existing && Same(existing, warehouse))
        {
            return;
        }
        await journal.AppendAsync(new WarehouseUpserted(warehouse));
    }

    public Task<IReadOnlyList<WarehouseSummary>> ListWarehousesAsync() =>
        Task.FromResult<IReadOnlyList<WarehouseSummary>>([.. journal.State.Warehouses.Values]);

    public async Task<StockLevel> SetInventoryAsync(string warehouseId, string sku, int onHand, int? safetyStock)
    {
        SkuInfo info = journal.State.Skus.GetValueOrDefault(sku) ?? throw new NotFoundException($"SKU {sku} is not in the catalog.");
        if (!journal.State.Warehouses.ContainsKey(warehouseId))
        {
            throw new NotFoundException($"Warehouse {warehouseId} is not defined.");
        }
        StockLevel level = await Stock(sku, warehouseId).SetInventoryAsync(onHand, safetyStock, info.Buckets);
        if (journal.State.StockedAt.GetValueOrDefault(sku)?.Contains(warehouseId) != true)
        {
            await journal.AppendAsync(new StockRegistered(sku, warehouseId));
        }
        return level;
    }

    public async Task<IReadOnlyList<StockLevel>> GetInventoryAsync(string sku)
    {
        if (!journal.State.Skus.ContainsKey(sku))
        {
            throw new NotFoundException($"SKU {sku} is not in the catalog.");
        }
        return await Task.WhenAll((journal.State.StockedAt.GetValueOrDefault(sku) ?? []).Select(wh => Stock(sku, wh).GetLevelAsync()));
    }

    public Task<IReadOnlyList<string>> SkusAtAsync(string warehouseId) =>
        Task.FromResult<IReadOnlyList<string>>(journal.State.StockedAt.Where(e => e.Value.Contains(warehouseId)).Select(e => e.Key).Order().ToList());

    public Task<IReadOnlyList<string>> WarehousesOfAsync(string sku) =>
        Task.FromResult<IReadOnlyList<string>>([.. journal.State.StockedAt.GetValueOrDefault(sku) ?? []]);

    public async Task<AllocationSnapshot> GetAllocationSnapshotAsync(IReadOnlyList<string> skus)
    {
        var pairs = skus.Distinct()
            .SelectMany(sku => (journal.State.StockedAt.GetValueOrDefault(sku) ?? []).Select(wh => (Sku: sku, WarehouseId: wh)))
            .ToList();
        await LoadUnknownAsync(pairs);
        IReadOnlyDictionary<string, SkuInfo> infos = await GetSkusAsync(skus);
        return new AllocationSnapshot([.. journal.State.Warehouses.Values], infos, pairs.Select(p => _levels.Level(p.Sku, p.WarehouseId)).ToList());
    }

    public Task ReportLevelAsync(BucketLevel level)
    {
        _levels.Report(level);
        return Task.CompletedTask;
    }

    public async Task<StockHealth> GetStockHealthAsync()
    {
        var pairs = journal.State.StockedAt.SelectMany(e => e.Value.Select(wh => (Sku: e.Key, WarehouseId: wh))).ToList();
        await LoadUnknownAsync(pairs);
        List<StockLevel> levels = pairs.Select(p => _levels.Level(p.Sku, p.WarehouseId)).ToList();
        List<LowStockAlert> low = levels
            .Where(l => l.OnHand - l.Reserved <= l.SafetyStock)
            .Select(l => new LowStockAlert(l.Sku, l.WarehouseId, l.Available, l.OnHand, l.Reserved, l.SafetyStock))
            .OrderBy(a => a.Sku, StringComparer.Ordinal).ThenBy(a => a.WarehouseId, StringComparer.Ordinal)
            .ToList();
        return new StockHealth(low, levels.Count(l => l.Reserved > l.OnHand));
    }

    private async Task LoadUnknownAsync(IEnumerable<(string Sku, string WarehouseId)> pairs)
    {
        var unknown = pairs.Where(p => !_levels.Knows(p.Sku, p.WarehouseId)).ToList();
        IReadOnlyList<BucketSnapshot>[] loaded = await Task.WhenAll(unknown.Select(p => Stock(p.Sku, p.WarehouseId).GetBucketsAsync()));
        for (int i = 0; i < unknown.Count; i++)
        {
            _levels.Load(new StockLevel(unknown[i].Sku, unknown[i].WarehouseId, 0, 0, 0, loaded[i].Count), loaded[i]);
        }
    }

    private ISkuStockGrain Stock(string sku, string warehouseId) =>
        GrainFactory.GetGrain<ISkuStockGrain>(Keys.Stock(this.GetPrimaryKeyString(), sku, warehouseId));

    private static bool Same(WarehouseSummary a, WarehouseSummary b) =>
        a with { Backups = b.Backups } == b && a.Backups.SequenceEqual(b.Backups);
}
