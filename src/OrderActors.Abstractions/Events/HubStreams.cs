namespace OrderActors.Abstractions.Events;

/// <summary>Where hub events flow: stream (<see cref="Namespace"/>, tenant) of the hub's stream provider.</summary>
public static class HubStreams
{
    /// <summary>The stream namespace of hub events; the stream key is the tenant.</summary>
    public const string Namespace = "hub-events";

    /// <summary>
    /// How late a stream message can still arrive after later ones: the ADO.NET stream moves a message to its dead
    /// letters 10 minutes after it was queued, plus a margin for delivery retries. Consumers hold watermarks this long.
    /// </summary>
    public static readonly TimeSpan RedeliveryHorizon = TimeSpan.FromMinutes(15);

    /// <summary>The stream key of a tenant's events.</summary>
    public static string KeyOf(string tenant) => tenant;
}
