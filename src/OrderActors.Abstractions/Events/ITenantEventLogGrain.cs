using Orleans;

namespace OrderActors.Abstractions.Events;

/// <summary>
/// A tenant's hub events as the stream delivered them (key: tenant): counts per kind and the latest events, each
/// event counted once however often it was delivered.
/// </summary>
[Alias("oa.ITenantEventLogGrain")]
public interface ITenantEventLogGrain : IGrainWithStringKey
{
    /// <summary>The counts per kind, the highest sequence number and the latest events.</summary>
    [Alias("GetAsync")]
    Task<EventLogView> GetAsync();
}

/// <summary>What a tenant's event log took in.</summary>
/// <param name="ByKind">Events per kind, each counted once.</param>
/// <param name="LastSeq">The highest sequence number taken in (0: none yet).</param>
/// <param name="Recent">The latest events (at most 50), newest first.</param>
/// <param name="Repeats">Deliveries dropped because the event had been taken in already.</param>
[GenerateSerializer, Immutable, Alias("oa.EventLogView")]
public sealed record EventLogView(IReadOnlyDictionary<string, long> ByKind, long LastSeq, IReadOnlyList<HubEventMessage> Recent, long Repeats);
