namespace OrderActors.Grains.Events;

/// <summary>The relay's durable progress.</summary>
[GenerateSerializer, Alias("oa.HubEventRelayState")]
public sealed record HubEventRelayState
{
    /// <summary>Every <c>hub_events</c> row up to here was published or given up on.</summary>
    [Id(0)]
    public long Floor { get; init; }
}
