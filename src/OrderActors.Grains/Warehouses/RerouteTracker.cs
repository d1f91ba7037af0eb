using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Grains.Warehouses;

/// <summary>
/// One trip's reroutes: the orders still to be told (in priority order), those told and when, how each
/// reported back, and what each held in the closed buckets. At most a window of orders is told at a time
/// and the next one as each reports, so a trip of thousands of orders moves at the pace the cluster can
/// take instead of flooding it. An order told long ago that never answered (its message lost with a
/// silo, its move failed) is told again; moving is idempotent, and only its first report counts.
/// </summary>
internal sealed class RerouteTracker(long epoch, string reason, IReadOnlyList<string> orders, IReadOnlyList<HeldReservation> held)
{
    private readonly HashSet<string> _expected = [.. orders];
    private readonly ILookup<string, HeldReservation> _held = held.ToLookup(h => h.Reservation.OrderId);
    private readonly Queue<string> _waiting = new(orders.Distinct());
    private readonly Dictionary<string, DateTimeOffset> _told = new();
    private readonly Dictionary<string, RerouteOutcome> _outcomes = new();

    public long Epoch => epoch;

    /// <summary>Why the breaker opened, as the orders are told.</summary>
    public string Reason => reason;

    public bool IsComplete => _outcomes.Count == _expected.Count;

    /// <summary>Whether the warehouse recorded this trip as settled.</summary>
    public bool Settled { get; set; }

    /// <summary>What the order held in the closed buckets when they closed: free to release once it reported back.</summary>
    public IEnumerable<HeldReservation> HeldBy(string orderId) => _held[orderId];

    public bool Record(string orderId, RerouteOutcome outcome)
    {
        if (!_expected.Contains(orderId) || !_outcomes.TryAdd(orderId, outcome))
        {
            return false;
        }
        _told.Remove(orderId);
        return true;
    }

    /// <summary>The next orders to tell, as many as fit in the window.</summary>
    public List<string> TakeNext(int window, DateTimeOffset now)
    {
        var next = new List<string>();
        while (_told.Count < window && _waiting.TryDequeue(out string? orderId))
        {
            if (!_outcomes.ContainsKey(orderId))
            {
                _told[orderId] = now;
                next.Add(orderId);
            }
        }
        return next;
    }

    /// <summary>Orders told at least <paramref name="after"/> ago without answering; they count as told again now.</summary>
    public List<string> TakeOverdue(TimeSpan after, DateTimeOffset now)
    {
        List<string> overdue = _told.Where(t => now - t.Value >= after).Select(t => t.Key).ToList();
        foreach (string orderId in overdue)
        {
            _told[orderId] = now;
        }
        return overdue;
    }

    public RerouteProgress Progress() => new(
        epoch,
        _expected.Count,
        _outcomes.Values.Count(o => o == RerouteOutcome.Rerouted),
        _outcomes.Values.Count(o => o == RerouteOutcome.Unroutable),
        _outcomes.Values.Count(o => o == RerouteOutcome.NotAffected),
        _told.Count);
}
