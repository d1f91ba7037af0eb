using OrderActors.Abstractions.Stock;

namespace OrderActors.Grains.Warehouses;

/// <summary>
/// Reservations in a tripped warehouse's closed buckets whose orders have reported back, gathered per
/// bucket and released in batches: a trip of thousands of orders costs a few writes per bucket instead
/// of one per order.
/// </summary>
internal sealed class ReleaseBatches(int batchSize)
{
    private readonly Dictionary<(string Sku, int Bucket), HashSet<string>> _pending = new();

    public bool IsEmpty => _pending.Count == 0;

    public void Add(IEnumerable<HeldReservation> held)
    {
        foreach (HeldReservation h in held)
        {
            Add(h.Sku, h.Bucket, [h.Reservation.ReservationId]);
        }
    }

    /// <summary>Takes the buckets that gathered a full batch (all of them when <paramref name="everything"/>).</summary>
    public List<ReleaseBatch> Take(bool everything)
    {
        List<ReleaseBatch> taken = _pending
            .Where(p => everything || p.Value.Count >= batchSize)
            .Select(p => new ReleaseBatch(p.Key.Sku, p.Key.Bucket, [.. p.Value]))
            .ToList();
        foreach (ReleaseBatch batch in taken)
        {
            _pending.Remove((batch.Sku, batch.Bucket));
        }
        return taken;
    }

    /// <summary>Puts batches back whose release failed, to be tried again.</summary>
    public void Return(IEnumerable<ReleaseBatch> batches)
    {
        foreach (ReleaseBatch batch in batches)
        {
            Add(batch.Sku, batch.Bucket, batch.ReservationIds);
        }
    }

    private void Add(string sku, int bucket, IEnumerable<string> reservationIds)
    {
        if (!_pending.TryGetValue((sku, bucket), out HashSet<string>? ids))
        {
            _pending[(sku, bucket)] = ids = [];
        }
        ids.UnionWith(reservationIds);
    }
}

internal sealed record ReleaseBatch(string Sku, int Bucket, IReadOnlyList<string> ReservationIds);
