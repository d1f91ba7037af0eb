namespace OrderActors.Runtime.Tests.Support;

public sealed class CycleGrain : Grain, ICycleGrain
{
    public Task<string> PingAsync(string other) =>
        GrainFactory.GetGrain<ICycleGrain>(other).BounceAsync(GetPrimaryKeyString());

    public Task<string> BounceAsync(string caller) => GrainFactory.GetGrain<ICycleGrain>(caller).PongAsync();

    public Task<string> PongAsync() => Task.FromResult($"pong from {GetPrimaryKeyString()}");
}
