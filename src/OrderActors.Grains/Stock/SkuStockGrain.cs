using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Stock;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains.Stock;

/// <summary>What the root of a SKU's stock at a warehouse remembers.</summary>
[GenerateSerializer, Alias("oa.SkuStockState")]
public sealed record SkuStockState
{
    [Id(0)]
    public int Buckets { get; init; }

    [Id(1)]
    public bool Closed { get; init; }

    /// <summary>Units of approved returns on their way here, by RMA.</summary>
    [Id(2)]
    public ImmutableDictionary<string, int> ExpectedBack { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Returned damaged units kept here (not sellable).</summary>
    [Id(3)]
    public int Damaged { get; init; }

    /// <summary>Every RMA received here and what it brought: makes a receipt idempotent and lets the audit add them up.</summary>
    [Id(4)]
    public ImmutableDictionary<string, ReturnReceipt> Received { get; init; } = ImmutableDictionary<string, ReturnReceipt>.Empty;
}

/// <summary>
/// A SKU's stock at one warehouse (key <c>tenant/sku@warehouse</c>): spreads a stock count over the
/// buckets, sums their levels, and closes or reopens them with the warehouse's breaker. It awaits its
/// buckets; buckets never await it, so no call cycle can form.
/// </summary>
[GrainType("skustock")]
public sealed class SkuStockGrain([PersistentState("stock")] IPersistentState<SkuStockState> state) : Grain, ISkuStockGrain
{
    private const int MaxBuckets = 64;
    private const int MaxRecountAttempts = 5;

    public async Task<StockLevel> SetInventoryAsync(int onHand, int? safetyStock, int buckets)
    {
        if (onHand < 0 || safetyStock < 0)
        {
            throw new CommandValidationException("onHand", "On hand and safety stock cannot be negative.");
        }
        if (buckets < 1 || buckets > MaxBuckets)
        {
            throw new CommandValidationException("buckets", $"A SKU has 1 to {MaxBuckets} buckets, not {buckets}.");
        }
        int count = Math.Max(buckets, state.State.Buckets);
        for (int attempt = 1; ; attempt++)
        {
            IReadOnlyList<BucketSnapshot> current = await SnapshotsAsync(count);
            try
            {
                await ApplyCountAsync(current, onHand, safetyStock ?? current.Sum(b => b.SafetyStock));
                break;
            }
            catch (ConflictException) when (attempt < MaxRecountAttempts && current.Sum(b => b.Reserved) <= onHand)
            {
                // A reservation landed between reading and assigning; count again from fresh levels.
            }
        }
        if (state.State.Buckets != count)
        {
            state.State = state.State with { Buckets = count };
            await state.WriteStateAsync();
        }
        return await GetLevelAsync();
    }

    public async Task<StockLevel> GetLevelAsync()
    {
        IReadOnlyList<BucketSnapshot> buckets = await SnapshotsAsync(Math.Max(1, state.State.Buckets));
        (string sku, string warehouseId, _) = Keys.ParseStock(this.GetPrimaryKeyString());
        return new StockLevel(sku, warehouseId, buckets.Sum(b => b.OnHand), buckets.Sum(b => b.Reserved), buckets.Sum(b => b.SafetyStock), buckets.Count)
        {
            ExpectedBack = state.State.ExpectedBack.Values.Sum(),
            Damaged = state.State.Damaged,
        };
    }

    public async Task<StockLevel> ExpectReturnAsync(string rmaId, int quantity)
    {
        if (quantity <= 0)
        {
            throw new CommandValidationException("quantity", $"A return expects a positive quantity, not {quantity}.");
        }
        if (!state.State.Received.ContainsKey(rmaId) && state.State.ExpectedBack.GetValueOrDefault(rmaId) != quantity)
        {
            state.State = state.State with { ExpectedBack = state.State.ExpectedBack.SetItem(rmaId, quantity) };
            await state.WriteStateAsync();
        }
        return await GetLevelAsync();
    }

    /// <summary>
    /// Good units go to the first bucket (a receipt id it saw lately is not counted twice, so a retry after a crash
    /// between the bucket's write and this one's adds nothing), then this grain records the receipt.
    /// </summary>
    public async Task<StockLevel> ReceiveReturnAsync(string rmaId, int good, int damaged)
    {
        if (good < 0 || damaged < 0 || good + damaged == 0)
        {
            throw new CommandValidationException("quantity", $"A return brings back a positive number of units, not {good} good and {damaged} damaged.");
        }
        if (state.State.Received.ContainsKey(rmaId))
        {
            return await GetLevelAsync();
        }
        if (good > 0)
        {
            await Bucket(0).ReturnAsync(rmaId, good);
        }
        state.State = state.State with
        {
            Buckets = Math.Max(1, state.State.Buckets),
            ExpectedBack = state.State.ExpectedBack.Remove(rmaId),
            Damaged = state.State.Damaged + damaged,
            Received = state.State.Received.Add(rmaId, new ReturnReceipt(good, damaged)),
        };
        await state.WriteStateAsync();
        return await GetLevelAsync();
    }

    public async Task<StockLevel> ForgetReturnAsync(string rmaId)
    {
        if (state.State.ExpectedBack.ContainsKey(rmaId))
        {
            state.State = state.State with { ExpectedBack = state.State.ExpectedBack.Remove(rmaId) };
            await state.WriteStateAsync();
        }
        return await GetLevelAsync();
    }

    public Task<StockReturns> GetReturnsAsync()
    {
        (string sku, string warehouseId, _) = Keys.ParseStock(this.GetPrimaryKeyString());
        return Task.FromResult(new StockReturns(sku, warehouseId, state.State.ExpectedBack, state.State.Damaged, state.State.Received));
    }

    public Task<IReadOnlyList<BucketSnapshot>> GetBucketsAsync() => SnapshotsAsync(state.State.Buckets);

    public async Task<IReadOnlyList<HeldReservation>> CloseAsync()
    {
        if (!state.State.Closed)
        {
            state.State = state.State with { Closed = true };
            await state.WriteStateAsync();
        }
        IReadOnlyList<Reservation>[] held = await Task.WhenAll(Buckets(state.State.Buckets).Select(b => b.CloseAsync()));
        string sku = Keys.ParseStock(this.GetPrimaryKeyString()).Sku;
        return held.SelectMany((reservations, bucket) => reservations.Select(r => new HeldReservation(sku, bucket, r))).ToList();
    }

    public async Task ReopenAsync()
    {
        await Task.WhenAll(Buckets(state.State.Buckets).Select(b => b.ReopenAsync()));
        if (state.State.Closed)
        {
            state.State = state.State with { Closed = false };
            await state.WriteStateAsync();
        }
    }

    /// <summary>
    /// Gives each bucket its reservations plus an even share of the rest. Buckets that shrink are
    /// assigned first: if a later bucket refuses, the total on hand is never above the new count.
    /// </summary>
    private async Task ApplyCountAsync(IReadOnlyList<BucketSnapshot> current, int onHand, int safetyStock)
    {
        int reserved = current.Sum(b => b.Reserved);
        if (onHand < reserved)
        {
            throw new ConflictException($"On hand {onHand} is below the {reserved} units already reserved; release or ship orders first.");
        }
        int[] free = Shares(onHand - reserved, current.Count);
        int[] safety = Shares(safetyStock, current.Count);
        var targets = current.Select((b, i) => (Bucket: b, OnHand: b.Reserved + free[i], Safety: safety[i])).ToList();
        foreach (var target in targets.OrderBy(t => t.OnHand - t.Bucket.OnHand))
        {
            await Bucket(target.Bucket.Bucket).AssignAsync(target.OnHand, target.Safety, target.Bucket.Version);
        }
    }

    private static int[] Shares(int total, int parts) =>
        Enumerable.Range(0, parts).Select(i => total / parts + (i < total % parts ? 1 : 0)).ToArray();

    private async Task<IReadOnlyList<BucketSnapshot>> SnapshotsAsync(int count) =>
        await Task.WhenAll(Buckets(count).Select(b => b.GetSnapshotAsync()));

    private IEnumerable<IStockBucketGrain> Buckets(int count) => Enumerable.Range(0, count).Select(Bucket);

    private IStockBucketGrain Bucket(int index)
    {
        (string sku, string warehouseId, _) = Keys.ParseStock(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<IStockBucketGrain>(Keys.Bucket(Keys.TenantOf(this.GetPrimaryKeyString()), sku, warehouseId, index));
    }
}
