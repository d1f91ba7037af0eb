using System.Collections.Immutable;
using OrderActors.Abstractions.Events;

namespace OrderActors.Grains.Events;

/// <summary>A tenant's event log: counts per kind, the latest events and which sequence numbers it took in.</summary>
[GenerateSerializer, Alias("oa.TenantEventLogState")]
public sealed record TenantEventLogState
{
    public const int RecentLimit = 50;

    [Id(0)]
    public ImmutableSortedDictionary<string, long> ByKind { get; init; } = ImmutableSortedDictionary<string, long>.Empty;

    [Id(1)]
    public long LastSeq { get; init; }

    /// <summary>The latest events by sequence number, oldest first.</summary>
    [Id(2)]
    public ImmutableList<HubEventMessage> Recent { get; init; } = [];

    [Id(3)]
    public long Repeats { get; init; }

    [Id(4)]
    public SeenSequences Seen { get; init; } = SeenSequences.Empty;

    /// <summary>This log with the delivered events taken in: each one new by sequence number is counted, repeats only tallied.</summary>
    public TenantEventLogState Record(IEnumerable<HubEventMessage> delivered, DateTimeOffset now, TimeSpan hold)
    {
        TenantEventLogState next = this;
        foreach (HubEventMessage e in delivered)
        {
            next = next.Seen.Contains(e.Seq)
                ? next with { Repeats = next.Repeats + 1 }
                : next with
                {
                    ByKind = next.ByKind.SetItem(e.Kind, next.ByKind.GetValueOrDefault(e.Kind) + 1),
                    LastSeq = Math.Max(next.LastSeq, e.Seq),
                    Recent = Keep(next.Recent, e),
                    Seen = next.Seen.Add(e.Seq),
                };
            next = next with { Seen = next.Seen.Observe(e.Watermark, now, hold) };
        }
        return next;
    }

    private static ImmutableList<HubEventMessage> Keep(ImmutableList<HubEventMessage> recent, HubEventMessage e)
    {
        int at = recent.FindLastIndex(r => r.Seq < e.Seq) + 1;
        ImmutableList<HubEventMessage> kept = recent.Insert(at, e);
        return kept.Count > RecentLimit ? kept.RemoveAt(0) : kept;
    }
}
