using System.Collections.Concurrent;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Engine;

/// <summary>What the load test knows about one acknowledged order: the plan, and which later messages were applied.</summary>
public sealed class LedgerEntry(OrderPlan plan, string orderId)
{
    private int _paid = plan.PaidAtIntake ? 1 : 0;
    private int _cancelled;
    private int _uncertain;

    public OrderPlan Plan { get; } = plan;

    /// <summary>The order id the system answered with.</summary>
    public string OrderId { get; } = orderId;

    /// <summary>Paid at intake, or a paid message was accepted.</summary>
    public bool Paid => Volatile.Read(ref _paid) == 1;

    /// <summary>A cancellation was accepted.</summary>
    public bool Cancelled => Volatile.Read(ref _cancelled) == 1;

    /// <summary>A payment or cancellation got no answer: it may or may not have been applied.</summary>
    public bool Uncertain => Volatile.Read(ref _uncertain) == 1;

    public void MarkPaid() => Volatile.Write(ref _paid, 1);

    public void MarkUncertain() => Volatile.Write(ref _uncertain, 1);

    public void MarkCancelled() => Volatile.Write(ref _cancelled, 1);
}

/// <summary>
/// Every order the system under test acknowledged, with what was later applied to it: the list the audit reads
/// back. Re-posts that were not answered as duplicates are counted here too.
/// </summary>
public sealed class OrderLedger
{
    private readonly ConcurrentDictionary<string, LedgerEntry> _entries = new(StringComparer.Ordinal);
    private long _repostsAnsweredNew;
    private long _repostsAnsweredDuplicate;

    public int Count => _entries.Count;

    public IEnumerable<LedgerEntry> Entries => _entries.Values;

    /// <summary>Re-posts the system took for a new order (duplicate: false): each one is a defect.</summary>
    public long RepostsAnsweredNew => Interlocked.Read(ref _repostsAnsweredNew);

    public long RepostsAnsweredDuplicate => Interlocked.Read(ref _repostsAnsweredDuplicate);

    /// <summary>Applies an answer to the ledger; returns true when it acknowledged a new order.</summary>
    public bool Apply(TrafficRequest request, TargetOutcome outcome)
    {
        OrderPlan plan = request.Plan;
        switch (request.Kind)
        {
            case RequestKind.Order when outcome.Kind is OutcomeKind.Accepted or OutcomeKind.Duplicate:
                return _entries.TryAdd(plan.OrderId, new LedgerEntry(plan, outcome.OrderId ?? plan.OrderId));
            case RequestKind.Repost when outcome.Kind == OutcomeKind.Duplicate:
                Interlocked.Increment(ref _repostsAnsweredDuplicate);
                return false;
            case RequestKind.Repost when outcome.Kind == OutcomeKind.Accepted:
                Interlocked.Increment(ref _repostsAnsweredNew);
                return false;
            case RequestKind.Pay when outcome.Kind == OutcomeKind.Accepted:
                Find(plan)?.MarkPaid();
                return false;
            case RequestKind.Cancel when outcome.Kind == OutcomeKind.Accepted:
                Find(plan)?.MarkCancelled();
                return false;
            case RequestKind.Pay or RequestKind.Cancel when outcome.Kind == OutcomeKind.Failed:
                Find(plan)?.MarkUncertain();
                return false;
            default:
                return false;
        }
    }

    public LedgerEntry? Find(OrderPlan plan) => _entries.GetValueOrDefault(plan.OrderId);
}
