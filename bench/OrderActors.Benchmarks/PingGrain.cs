namespace OrderActors.Benchmarks;

/// <summary>The benchmarks' grain: answers at once, so a call measures the runtime and nothing else.</summary>
[Alias("bench.ping")]
public interface IPingGrain : IGrainWithStringKey
{
    /// <summary>Returns <paramref name="value"/> + 1.</summary>
    [Alias("ping")]
    Task<int> PingAsync(int value);

    /// <summary>The silo this activation runs on, so a benchmark can check where its calls went.</summary>
    [Alias("silo")]
    Task<SiloAddress> GetSiloAsync();
}

public sealed class PingGrain(ILocalSiloDetails silo) : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);

    public Task<SiloAddress> GetSiloAsync() => Task.FromResult(silo.SiloAddress);
}
