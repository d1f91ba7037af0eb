using OrderActors.Runtime.Core;
using OrderActors.Runtime.Testing;
using OrderActors.Runtime.Tests.Support;

namespace OrderActors.Runtime.Tests;

public sealed class ActivationLifecycleTests
{
    [Fact]
    public async Task AnIdleGrainIsCollectedAndComesBackWithItsState()
    {
        var probe = new ActivationProbe();
        await using TestCluster cluster = await Clusters.StartAsync(probe);
        IStoredValueGrain grain = cluster.GrainFactory.GetGrain<IStoredValueGrain>("t/idle");
        await grain.SetAsync("kept");
        await Task.Delay(100);

        Assert.Equal(1, cluster.Primary.CollectIdleActivations(TimeSpan.FromMilliseconds(50)));
        await Eventually.TrueAsync(() => cluster.Primary.ActivationCount == 0);

        Assert.Contains("deactivate:t/idle:ActivationIdle", probe.Events);
        Assert.Equal("kept", await grain.GetAsync());
        Assert.Contains("activate:t/idle:kept", probe.Events);
        Assert.Equal(2, probe.Count("activate:t/idle"));
    }

    [Fact]
    public async Task TheCollectorDeactivatesIdleGrainsOnItsOwnButKeepsBusyOnes()
    {
        await using TestCluster cluster = await Clusters.StartAsync(configure: o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(300);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        });
        IStoredValueGrain idle = cluster.GrainFactory.GetGrain<IStoredValueGrain>("t/idle2");
        IStoredValueGrain busy = cluster.GrainFactory.GetGrain<IStoredValueGrain>("t/busy");
        await idle.SetAsync("x");

        var until = DateTime.UtcNow.AddSeconds(1.5);
        while (DateTime.UtcNow < until)
        {
            await busy.GetAsync();
            await Task.Delay(50);
        }

        Assert.False(cluster.Primary.HasActivation(new GrainId("storedvalue", "t/idle2")));
        Assert.True(cluster.Primary.HasActivation(new GrainId("storedvalue", "t/busy")));
    }

    [Fact]
    public async Task AFailedActivationFailsItsCallsAndTheNextCallActivatesAgain()
    {
        var probe = new ActivationProbe();
        await using TestCluster cluster = await Clusters.StartAsync(probe);
        IFailingGrain grain = cluster.GrainFactory.GetGrain<IFailingGrain>("t/fail");

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetAsync());

        Assert.Contains("first activation fails on purpose", error.Message);
        Assert.Equal(2, await grain.GetAsync());
    }

    [Fact]
    public async Task StoppingTheSiloDeactivatesEveryGrain()
    {
        var probe = new ActivationProbe();
        TestCluster cluster = await Clusters.StartAsync(probe);
        await cluster.GrainFactory.GetGrain<IStoredValueGrain>("t/s1").SetAsync("1");
        await cluster.GrainFactory.GetGrain<IStoredValueGrain>("t/s2").SetAsync("2");

        await cluster.DisposeAsync();

        Assert.Contains("deactivate:t/s1:ShuttingDown", probe.Events);
        Assert.Contains("deactivate:t/s2:ShuttingDown", probe.Events);
    }
}
