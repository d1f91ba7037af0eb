using Microsoft.Extensions.DependencyInjection;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Storage;
using OrderActors.Runtime.Testing;
using OrderActors.Runtime.Tests.Support;

namespace OrderActors.Runtime.Tests;

public sealed class PersistentStateTests
{
    [Fact]
    public Task AStaleEtagWriteIsRefusedAndTheActivationRecoversOnMemory() => StaleEtagScenarioAsync(postgres: null);

    [PostgresFact]
    public async Task AStaleEtagWriteIsRefusedAndTheActivationRecoversOnPostgres()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await StaleEtagScenarioAsync(database.ConnectionString);
    }

    [PostgresFact]
    public async Task StateSurvivesASiloRestartOnPostgres()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        var probe = new ActivationProbe();
        await using TestCluster cluster = await Clusters.StartAsync(probe, database.ConnectionString);
        await cluster.GrainFactory.GetGrain<IStoredValueGrain>("t/durable").SetAsync("written before restart");

        TestSilo restarted = await cluster.RestartSiloAsync(cluster.Primary);

        Assert.Equal("written before restart", await restarted.GrainFactory.GetGrain<IStoredValueGrain>("t/durable").GetAsync());
        Assert.Contains("activate:t/durable:written before restart", probe.Events);
    }

    [Fact]
    public async Task ClearingKeepsTheVersionSoAnOlderEtagStillConflicts()
    {
        await using TestCluster cluster = await Clusters.StartAsync();
        IStoredValueGrain grain = cluster.GrainFactory.GetGrain<IStoredValueGrain>("t/clear");
        await grain.SetAsync("v1");
        string? before = await grain.GetEtagAsync();

        await grain.ClearAsync();

        Assert.Null(await grain.GetAsync());
        IGrainStorage storage = cluster.Primary.Services.GetRequiredService<IGrainStorage>();
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteAsync(new GrainId("storedvalue", "t/clear"), "value", "{}", before));
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteAsync(new GrainId("storedvalue", "t/clear"), "value", "{}", etag: null));
    }

    private static async Task StaleEtagScenarioAsync(string? postgres)
    {
        var probe = new ActivationProbe();
        await using TestCluster cluster = await Clusters.StartAsync(probe, postgres);
        IStoredValueGrain grain = cluster.GrainFactory.GetGrain<IStoredValueGrain>("t/etag");
        await grain.SetAsync("mine");
        string? etag = await grain.GetEtagAsync();
        IGrainStorage storage = cluster.Primary.Services.GetRequiredService<IGrainStorage>();
        await storage.WriteAsync(new GrainId("storedvalue", "t/etag"), "value", """{"value":"theirs"}""", etag);

        InconsistentStateException error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync("stale"));

        Assert.Equal(etag, error.CurrentEtag);
        await Eventually.TrueAsync(() => probe.Events.Contains("deactivate:t/etag:InconsistentState"));
        Assert.Equal("theirs", await grain.GetAsync());
        await grain.SetAsync("after recovery");
        Assert.Equal("after recovery", await grain.GetAsync());
    }
}
