using System.Diagnostics;
using OrderActors.Runtime.Testing;
using OrderActors.Runtime.Tests.Support;

namespace OrderActors.Runtime.Tests;

public sealed class CallTimeoutTests
{
    [Fact]
    public async Task AnAwaitedCallCycleFailsWithinTheResponseTimeoutInsteadOfHanging()
    {
        TimeSpan timeout = TimeSpan.FromSeconds(1);
        await using TestCluster cluster = await Clusters.StartAsync(configure: o => o.ResponseTimeout = timeout);
        ICycleGrain a = cluster.GrainFactory.GetGrain<ICycleGrain>("t/a");
        var watch = Stopwatch.StartNew();

        GrainCallTimeoutException error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => a.PingAsync("t/b"));

        Assert.InRange(watch.Elapsed, timeout * 0.9, timeout * 4);
        Assert.Contains("cycle", error.Message);
        Assert.Equal("pong from t/a", await a.PongAsync());
    }
}
