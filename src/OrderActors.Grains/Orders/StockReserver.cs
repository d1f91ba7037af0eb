using System.Collections.Immutable;
using System.Globalization;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Orders;

/// <summary>What one reservation attempt got.</summary>
internal sealed record ReservationResult(ImmutableList<(int LineNo, StockAllocation Allocation)> Granted, IReadOnlySet<string> ClosedWarehouses, bool Complete);

/// <summary>
/// Makes an order's reservations at the stock buckets. A line starts at the bucket its order id hashes
/// to and, when that bucket runs short, takes the rest from the sibling buckets in turn (the borrowing
/// that keeps a hot SKU's buckets from refusing while stock remains). Reservation ids carry the attempt,
/// so a retry never collides with an earlier attempt's leftovers.
/// </summary>
internal sealed class StockReserver(IGrainFactory grains, string tenant)
{
    public static string ReservationId(string orderId, int lineNo, string warehouseId, int bucket, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{orderId}:{lineNo}:{warehouseId}:{bucket}:{attempt}");

    public async Task<ReservationResult> ReserveAsync(string orderId, int attempt, IReadOnlyList<LineParcel> parcels)
    {
        ParcelResult[] results = await Task.WhenAll(parcels.Select(p => ReserveParcelAsync(orderId, attempt, p)));
        return new ReservationResult(
            results.SelectMany(r => r.Granted.Select(a => (r.Parcel.LineNo, a))).ToImmutableList(),
            results.Where(r => r.Closed).Select(r => r.Parcel.WarehouseId).ToHashSet(),
            results.All(r => r.Granted.Sum(a => a.Quantity) == r.Parcel.Quantity));
    }

    /// <summary>
    /// Releases every reservation interrupted attempts may have left: each id the given attempts could have
    /// used, for each line at each warehouse and bucket that stocks its SKU (unknown ids cost a call, no write).
    /// </summary>
    public Task ReleaseAttemptsAsync(string orderId, IEnumerable<(int LineNo, string Sku)> lines, AllocationSnapshot snapshot, int fromAttempt, int attempts)
    {
        var buckets = snapshot.Levels.ToDictionary(l => (l.Sku, l.WarehouseId), l => Math.Max(1, l.Buckets));
        return Task.WhenAll(
            from line in lines
            from level in buckets.Where(b => b.Key.Sku == line.Sku)
            from bucket in Enumerable.Range(0, level.Value)
            from attempt in Enumerable.Range(fromAttempt, attempts)
            select Bucket(line.Sku, level.Key.WarehouseId, bucket).ReleaseAsync(ReservationId(orderId, line.LineNo, level.Key.WarehouseId, bucket, attempt)));
    }

    public Task ReleaseAsync(IEnumerable<StockAllocation> allocations) =>
        Task.WhenAll(allocations.Select(a => Bucket(a.Sku, a.WarehouseId, a.Bucket).ReleaseAsync(a.ReservationId)));

    public Task CommitAsync(IEnumerable<StockAllocation> allocations) =>
        Task.WhenAll(allocations.Select(a => Bucket(a.Sku, a.WarehouseId, a.Bucket).CommitAsync(a.ReservationId)));

    private async Task<ParcelResult> ReserveParcelAsync(string orderId, int attempt, LineParcel parcel)
    {
        var granted = new List<StockAllocation>();
        int remaining = parcel.Quantity;
        int start = (int)(GrainId.Create("order", orderId).GetUniformHashCode() % (uint)parcel.Buckets);
        for (int i = 0; i < parcel.Buckets && remaining > 0; i++)
        {
            int bucket = (start + i) % parcel.Buckets;
            string id = ReservationId(orderId, parcel.LineNo, parcel.WarehouseId, bucket, attempt);
            ReserveOutcome outcome = await Bucket(parcel.Sku, parcel.WarehouseId, bucket).ReserveAsync(id, orderId, remaining, allowPartial: true);
            if (outcome.Granted > 0)
            {
                granted.Add(new StockAllocation(parcel.WarehouseId, parcel.Sku, bucket, outcome.Granted, id));
                remaining -= outcome.Granted;
            }
            if (outcome.Refusal == ReserveRefusal.Closed)
            {
                return new ParcelResult(parcel, granted, Closed: true);
            }
        }
        return new ParcelResult(parcel, granted, Closed: false);
    }

    private IStockBucketGrain Bucket(string sku, string warehouseId, int bucket) =>
        grains.GetGrain<IStockBucketGrain>(Keys.Bucket(tenant, sku, warehouseId, bucket));

    private sealed record ParcelResult(LineParcel Parcel, List<StockAllocation> Granted, bool Closed);
}
