using Orleans;

namespace OrderActors.Abstractions.Events;

/// <summary>
/// Relays the <c>hub_events</c> outbox to the hub's durable stream, at least once (key <see cref="Key"/>: one per
/// cluster). Runs on PostgreSQL storage only; in memory mode there is no outbox and it stays idle.
/// </summary>
[Alias("oa.IHubEventRelayGrain")]
public interface IHubEventRelayGrain : IGrainWithStringKey
{
    public const string Key = "relay";

    /// <summary>Activates the relay and registers the reminder that brings it back after its silo dies.</summary>
    [Alias("EnsureRunningAsync")]
    Task EnsureRunningAsync();

    /// <summary>Where the relay runs and how far it got.</summary>
    [Alias("GetStatusAsync")]
    Task<RelayStatus> GetStatusAsync();
}

/// <summary>The relay's progress.</summary>
/// <param name="Running">False in memory mode (no outbox).</param>
/// <param name="Silo">The silo the relay runs on.</param>
/// <param name="Floor">Every sequence number up to here was published or given up on.</param>
/// <param name="PersistedFloor">The floor as last written: after a crash the relay republishes from here.</param>
/// <param name="StartedFrom">The persisted floor the relay last started from (on activation or after a failed pass).</param>
/// <param name="Published">Events this activation published, repeats after a restart included.</param>
[GenerateSerializer, Immutable, Alias("oa.RelayStatus")]
public sealed record RelayStatus(bool Running, string Silo, long Floor, long PersistedFloor, long StartedFrom, long Published);
