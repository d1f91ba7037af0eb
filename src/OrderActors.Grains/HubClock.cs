namespace OrderActors.Grains;

/// <summary>
/// The clock the domain grains read (breaker windows, timelines, reroute follow-ups): a keyed
/// <see cref="TimeProvider"/>, so tests can move the hub's time without moving Orleans' own timers,
/// which read the default one.
/// </summary>
public static class HubClock
{
    public const string Key = "OrderActors.Hub";
}
