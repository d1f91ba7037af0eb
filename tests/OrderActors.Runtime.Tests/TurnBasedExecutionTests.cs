using OrderActors.Runtime.Testing;
using OrderActors.Runtime.Tests.Support;

namespace OrderActors.Runtime.Tests;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task AThousandConcurrentIncrementsOnOneGrainLoseNone()
    {
        await using TestCluster cluster = await Clusters.StartAsync();
        ICounterGrain counter = cluster.GrainFactory.GetGrain<ICounterGrain>("t/counter");

        int[] results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.IncrementAsync())));

        Assert.Equal(1000, await counter.GetAsync());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task CallsFromOneCallerAreProcessedInArrivalOrder()
    {
        await using TestCluster cluster = await Clusters.StartAsync();
        ISequenceGrain sequence = cluster.GrainFactory.GetGrain<ISequenceGrain>("t/seq");

        List<Task> calls = Enumerable.Range(0, 500).Select(sequence.AppendAsync).ToList();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 500), await sequence.GetAsync());
    }

    [Fact]
    public async Task OneWayCallsAreQueuedInOrderBeforeLaterCalls()
    {
        await using TestCluster cluster = await Clusters.StartAsync();
        ISequenceGrain sequence = cluster.GrainFactory.GetGrain<ISequenceGrain>("t/oneway");

        for (int i = 0; i < 200; i++)
        {
            Task sent = sequence.AppendOneWayAsync(i);
            Assert.True(sent.IsCompletedSuccessfully, "a one-way call completes as soon as it is queued");
        }

        Assert.Equal(Enumerable.Range(0, 200), await sequence.GetAsync());
    }

    [Fact]
    public async Task TimerTicksNeverRunDuringACall()
    {
        await using TestCluster cluster = await Clusters.StartAsync();
        ITimerGrain grain = cluster.GrainFactory.GetGrain<ITimerGrain>("t/timer");
        await grain.StartAsync(TimeSpan.FromMilliseconds(10));

        await grain.BusyAsync(TimeSpan.FromMilliseconds(300));
        await Eventually.TrueAsync(async () => (await grain.GetAsync()).Ticks >= 5);

        TimerStats stats = await grain.GetAsync();
        Assert.Equal(0, stats.Overlaps);
    }

    [Fact]
    public async Task AFailingOneWayCallDoesNotReachTheCallerNorBreakTheGrain()
    {
        var probe = new ActivationProbe();
        await using TestCluster cluster = await Clusters.StartAsync(probe);
        IFailingGrain grain = cluster.GrainFactory.GetGrain<IFailingGrain>("t/oneway-fail");
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetAsync());

        await grain.ExplodeOneWayAsync();

        Assert.Equal(2, await grain.GetAsync());
        Assert.Equal(1, probe.Count("exploded"));
    }
}
