namespace OrderActors.LoadTest.Engine;

/// <summary>
/// A system the traffic is driven against: the hub through its REST facade, or the naive SQL baseline. Both get
/// the same requests on the same schedule with the same bound on concurrency.
/// </summary>
public interface ITrafficTarget
{
    /// <summary>A short name for displays and reports ("orderactors", "naive-sql").</summary>
    string Name { get; }

    /// <summary>Sends one request and reports how it was answered; never throws for a failed request.</summary>
    Task<TargetOutcome> SendAsync(TrafficRequest request, CancellationToken cancellationToken);
}
