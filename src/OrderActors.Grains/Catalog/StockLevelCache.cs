using OrderActors.Abstractions.Stock;

namespace OrderActors.Grains.Catalog;

/// <summary>
/// The catalog's recent view of bucket levels, fed by the buckets' one-way reports (a report older
/// than the one held is ignored). Approximate by design: buckets decide reservations.
/// </summary>
internal sealed class StockLevelCache
{
    private readonly Dictionary<(string Sku, string WarehouseId), Dictionary<int, BucketLevel>> _levels = new();

    public void Report(BucketLevel level)
    {
        var key = (level.Sku, level.WarehouseId);
        if (!_levels.TryGetValue(key, out Dictionary<int, BucketLevel>? buckets))
        {
            buckets = new Dictionary<int, BucketLevel>();
            _levels[key] = buckets;
        }
        if (!buckets.TryGetValue(level.Bucket, out BucketLevel? held) || held.Version < level.Version)
        {
            buckets[level.Bucket] = level;
        }
    }

    public void Load(StockLevel level, IEnumerable<BucketSnapshot> buckets)
    {
        foreach (BucketSnapshot bucket in buckets)
        {
            Report(new BucketLevel(level.Sku, level.WarehouseId, bucket.Bucket, bucket.OnHand, bucket.Reserved, bucket.SafetyStock, bucket.Version));
        }
    }

    public bool Knows(string sku, string warehouseId) => _levels.ContainsKey((sku, warehouseId));

    public StockLevel Level(string sku, string warehouseId)
    {
        if (!_levels.TryGetValue((sku, warehouseId), out Dictionary<int, BucketLevel>? buckets))
        {
            return new StockLevel(sku, warehouseId, 0, 0, 0, 0);
        }
        return new StockLevel(sku, warehouseId,
            buckets.Values.Sum(b => b.OnHand), buckets.Values.Sum(b => b.Reserved), buckets.Values.Sum(b => b.SafetyStock), buckets.Count);
    }

    public IEnumerable<StockLevel> All() => _levels.Keys.Select(k => Level(k.Sku, k.WarehouseId));
}
