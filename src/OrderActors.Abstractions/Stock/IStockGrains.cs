using Orleans;

namespace OrderActors.Abstractions.Stock;

/// <summary>
/// One stock bucket of a SKU at a warehouse (key: <c>tenant/{sku}@{warehouseId}#{bucket}</c>). Answers a
/// reservation only after writing it; never lets reserved exceed on hand.
/// </summary>
[Alias("oa.IStockBucketGrain")]
public interface IStockBucketGrain : IGrainWithStringKey
{
    /// <summary>Reserves up to <paramref name="quantity"/> (all or nothing unless <paramref name="allowPartial"/>); idempotent by reservation id.</summary>
    [Alias("ReserveAsync")]
    Task<ReserveOutcome> ReserveAsync(string reservationId, string orderId, int quantity, bool allowPartial);

    /// <summary>Gives a reservation back; unknown ids are ignored.</summary>
    [Alias("ReleaseAsync")]
    Task ReleaseAsync(string reservationId);

    /// <summary>Gives several reservations back in one write; unknown ids are ignored.</summary>
    [Alias("ReleaseManyAsync")]
    Task ReleaseManyAsync(IReadOnlyList<string> reservationIds);

    /// <summary>The goods left (出库): the reservation and the units leave the bucket; unknown ids are ignored.</summary>
    [Alias("CommitAsync")]
    Task CommitAsync(string reservationId);

    /// <summary>Good units of a return go back on hand (退货入库); a receipt id seen lately is not counted again.</summary>
    [Alias("ReturnAsync")]
    Task<BucketSnapshot> ReturnAsync(string receiptId, int quantity);

    /// <summary>The bucket's full state: levels, held reservations, closed flag and version.</summary>
    [Alias("GetSnapshotAsync")]
    Task<BucketSnapshot> GetSnapshotAsync();

    /// <summary>Sets this bucket's share of on-hand and safety stock; refused when reservations changed since <paramref name="expectedVersion"/>.</summary>
    [Alias("AssignAsync")]
    Task<BucketSnapshot> AssignAsync(int onHand, int safetyStock, long expectedVersion);

    /// <summary>
    /// The warehouse's breaker opened: refuse new reservations from now on and return the held ones, which
    /// stay until released (once their orders moved away, or cancelled) or committed.
    /// </summary>
    [Alias("CloseAsync")]
    Task<IReadOnlyList<Reservation>> CloseAsync();

    /// <summary>The breaker was reset: take reservations again.</summary>
    [Alias("ReopenAsync")]
    Task ReopenAsync();
}

/// <summary>A SKU's stock at one warehouse (key: <c>tenant/{sku}@{warehouseId}</c>): spreads it over its buckets.</summary>
[Alias("oa.ISkuStockGrain")]
public interface ISkuStockGrain : IGrainWithStringKey
{
    /// <summary>Sets on-hand (a stock count) and safety stock (null: keep it), spread over <paramref name="buckets"/> buckets.</summary>
    [Alias("SetInventoryAsync")]
    Task<StockLevel> SetInventoryAsync(int onHand, int? safetyStock, int buckets);

    /// <summary>The exact level, summed over the buckets.</summary>
    [Alias("GetLevelAsync")]
    Task<StockLevel> GetLevelAsync();

    /// <summary>Every bucket's full state.</summary>
    [Alias("GetBucketsAsync")]
    Task<IReadOnlyList<BucketSnapshot>> GetBucketsAsync();

    /// <summary>Closes every bucket and returns the reservations they still hold.</summary>
    [Alias("CloseAsync")]
    Task<IReadOnlyList<HeldReservation>> CloseAsync();

    /// <summary>Reopens every bucket: the stock takes reservations again.</summary>
    [Alias("ReopenAsync")]
    Task ReopenAsync();

    /// <summary>An approved return announces its units as on the way back: counted, not sellable. Idempotent per RMA.</summary>
    [Alias("ExpectReturnAsync")]
    Task<StockLevel> ExpectReturnAsync(string rmaId, int quantity);

    /// <summary>
    /// The return arrived: good units go on hand (sellable), damaged ones into the damaged count (not sellable), and the
    /// expected units of that RMA are no longer expected. Idempotent per RMA.
    /// </summary>
    [Alias("ReceiveReturnAsync")]
    Task<StockLevel> ReceiveReturnAsync(string rmaId, int good, int damaged);

    /// <summary>An approved return will not come (rejected later, or closed without goods): forget its expected units.</summary>
    [Alias("ForgetReturnAsync")]
    Task<StockLevel> ForgetReturnAsync(string rmaId);

    /// <summary>What returns this stock expects, and the RMAs it received, for the audit.</summary>
    [Alias("GetReturnsAsync")]
    Task<StockReturns> GetReturnsAsync();
}
