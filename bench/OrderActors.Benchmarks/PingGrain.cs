using OrderActors.Runtime;

namespace OrderActors.Benchmarks;

public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}
