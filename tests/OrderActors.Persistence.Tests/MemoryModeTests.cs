using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Persistence.Tests;

/// <summary>UseHubMemory wires the same grains without PostgreSQL: state, journal, reminders and the "hub" streams.</summary>
[Collection(MemoryCluster.Name)]
public sealed class MemoryModeTests(MemoryClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task StateOutlivesItsActivationAndStaysApartPerGrainType()
    {
        await Grains.GetGrain<IAlphaValueGrain>("020235").SetAsync("alpha");
        await Grains.GetGrain<IBetaValueGrain>("020235").SetAsync("beta");
        await Grains.GetGrain<IAlphaValueGrain>("020235").DeactivateAsync();

        Assert.Equal("alpha", await Grains.GetGrain<IAlphaValueGrain>("020235").GetAsync());
        Assert.Null(await Grains.GetGrain<IAlphaValueGrain>("20235").GetAsync());
    }

    [Fact]
    public async Task TheJournalReplaysAfterDeactivation()
    {
        IQuotaGrain grain = Grains.GetGrain<IQuotaGrain>("acme/memory");
        await grain.AddAsync(2);
        await grain.AddAsync(3);
        Assert.True(await grain.TryReserveAsync(1));
        Assert.False(await grain.TryReserveAsync(1));
        await grain.DeactivateAsync();

        Assert.Equal(new QuotaView(1, 5, "2,3", 3), await grain.GetAsync());
    }

    [Fact]
    public async Task RemindersRegisterAndStreamsDeliver()
    {
        IReminderProbeGrain probe = Grains.GetGrain<IReminderProbeGrain>("acme/memory");
        await probe.StartAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await probe.CountRemindersAsync());
        await probe.StopAsync();

        await Grains.GetGrain<IItemProducerGrain>("producer").PublishAsync("acme/memory", [1, 2, 3]);

        IItemConsumerGrain consumer = Grains.GetGrain<IItemConsumerGrain>("acme/memory");
        await Eventually.TrueAsync(async () => (await consumer.GetAsync()).Processed.Length == 3, TimeSpan.FromSeconds(20));
    }
}
