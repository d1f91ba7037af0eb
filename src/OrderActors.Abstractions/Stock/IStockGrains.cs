using OrderActors.Runtime;

namespace OrderActors.Abstractions.Stock;

/// <summary>
/// One stock bucket of a SKU at a warehouse (key: <c>tenant/{sku}@{warehouseId}#{bucket}</c>). Answers a
/// reservation only after writing it; never lets reserved exceed on hand.
/// </summary>
public interface IStockBucketGrain : IGrainWithStringKey
{
    /// <summary>Reserves up to <paramref name="quantity"/> (all or nothing unless <paramref name="allowPartial"/>); idempotent by reservation id.</summary>
    Task<ReserveOutcome> ReserveAsync(string reservationId, string orderId, int quantity, bool allowPartial);

    /// <summary>Gives a reservation back; unknown ids are ignored.</summary>
    Task ReleaseAsync(string reservationId);

    /// <summary>Gives several reservations back in one write; unknown ids are ignored.</summary>
    Task ReleaseManyAsync(IReadOnlyList<string> reservationIds);

    /// <summary>The goods left (出库): the reservation and the units leave the bucket; unknown ids are ignored.</summary>
    Task CommitAsync(string reservationId);

    Task<BucketSnapshot> GetSnapshotAsync();

    /// <summary>Sets this bucket's share of on-hand and safety stock; refused when reservations changed since <paramref name="expectedVersion"/>.</summary>
    Task<BucketSnapshot> AssignAsync(int onHand, int safetyStock, long expectedVersion);

    /// <summary>
    /// The warehouse's breaker opened: refuse new reservations from now on and return the held ones, which
    /// stay until released (once their orders moved away, or cancelled) or committed.
    /// </summary>
    Task<IReadOnlyList<Reservation>> CloseAsync();

    /// <summary>The breaker was reset: take reservations again.</summary>
    Task ReopenAsync();
}

/// <summary>A SKU's stock at one warehouse (key: <c>tenant/{sku}@{warehouseId}</c>): spreads it over its buckets.</summary>
public interface ISkuStockGrain : IGrainWithStringKey
{
    /// <summary>Sets on-hand (a stock count) and safety stock (null: keep it), spread over <paramref name="buckets"/> buckets.</summary>
    Task<StockLevel> SetInventoryAsync(int onHand, int? safetyStock, int buckets);

    /// <summary>The exact level, summed over the buckets.</summary>
    Task<StockLevel> GetLevelAsync();

    Task<IReadOnlyList<BucketSnapshot>> GetBucketsAsync();

    /// <summary>Closes every bucket and returns the reservations they still hold.</summary>
    Task<IReadOnlyList<HeldReservation>> CloseAsync();

    Task ReopenAsync();
}
