namespace OrderActors.LoadTest.HotSku;

/// <summary>
/// One system's side of the hot-SKU comparison. <see cref="AcceptedPerSecond"/> counts orders that got their stock
/// (the hub: reached Allocated; the baseline: committed as reserved) per second from the first order sent until
/// the last one settled; <see cref="IntakePerSecond"/> only until the last answer. <see cref="RateLimited"/> orders
/// were turned away by the hub's intake limit (429) and count neither as failed nor as answered.
/// </summary>
public sealed record HotSkuSide(
    string Target,
    int Orders,
    int Clients,
    int Answered,
    long GotStock,
    long Failed,
    long RateLimited,
    double SendSeconds,
    double SettledSeconds,
    bool Settled,
    double AcceptedPerSecond,
    double IntakePerSecond,
    double P50Ms,
    double P99Ms);

/// <summary>The hot-SKU comparison: many concurrent orders for one SKU, the hub with stock buckets beside one locked row.</summary>
public sealed record HotSkuResult(string Sku, string WarehouseId, int Buckets, int OnHand, HotSkuSide Ours, HotSkuSide? Naive)
{
    /// <summary>Ours ÷ the baseline's orders-that-got-stock per second, measured one after the other in the same run.</summary>
    public double? RatioVsBaseline => Naive is { AcceptedPerSecond: > 0 } naive ? Ours.AcceptedPerSecond / naive.AcceptedPerSecond : null;
}
