namespace OrderActors.Runtime.Tests.Support;

/// <summary>Fails its first activation, then works: activation failures must not poison the grain.</summary>
public sealed class FailingGrain(ActivationProbe probe) : Grain, IFailingGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{GetPrimaryKeyString()}");
        if (probe.Count($"activate:{GetPrimaryKeyString()}") == 1)
        {
            throw new InvalidOperationException("first activation fails on purpose");
        }
        return Task.CompletedTask;
    }

    public Task<int> GetAsync() => Task.FromResult(probe.Count($"activate:{GetPrimaryKeyString()}"));

    public Task ExplodeOneWayAsync()
    {
        probe.Record("exploded");
        throw new InvalidOperationException("one-way failure");
    }
}
