using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Storage;
using OrderActors.Runtime.Testing;
using OrderActors.Runtime.Tests.Support;

namespace OrderActors.Runtime.Tests;

public sealed class JournaledStateTests
{
    [Fact]
    public Task AJournalReplaysToTheSameStateAfterCollectionOnMemory() => ReplayScenarioAsync(postgres: null);

    [PostgresFact]
    public async Task AJournalReplaysFromSnapshotAndEventsAfterARestartOnPostgres()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await ReplayScenarioAsync(database.ConnectionString);

        await using NpgsqlConnection connection = new(database.ConnectionString);
        await connection.OpenAsync();
        await using var snapshots = new NpgsqlCommand("SELECT seq FROM grain_snapshots WHERE grain_type = 'tally'", connection);
        Assert.Equal(40L, await snapshots.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AnAppendByAStaleActivationIsRefusedAndTheGrainRecovers()
    {
        var probe = new ActivationProbe();
        await using TestCluster cluster = await Clusters.StartAsync(probe);
        ITallyGrain tally = cluster.GrainFactory.GetGrain<ITallyGrain>("t/stale");
        await tally.AddAsync("a", 1);
        IGrainJournalStorage journals = cluster.Primary.Services.GetRequiredService<IGrainJournalStorage>();
        await journals.AppendAsync(new GrainId("tally", "t/stale"), "tally", 1, ["""{"$type":"added","name":"b","amount":5}"""]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => tally.AddAsync("a", 1));

        await Eventually.TrueAsync(async () => (await tally.GetAsync()).GetValueOrDefault("b") == 5);
        await tally.AddAsync("a", 1);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 5 }, await tally.GetAsync());
        Assert.Equal(3, await tally.GetVersionAsync());
    }

    private static async Task ReplayScenarioAsync(string? postgres)
    {
        await using TestCluster cluster = await Clusters.StartAsync(postgres: postgres, configure: o => o.JournalSnapshotInterval = 20);
        ITallyGrain tally = cluster.GrainFactory.GetGrain<ITallyGrain>("t/tally");
        for (int i = 0; i < 45; i++)
        {
            await tally.AddAsync($"k{i % 4}", i);
        }
        await tally.RemoveAsync("k3");
        IReadOnlyDictionary<string, int> before = await tally.GetAsync();

        TestSilo silo = postgres is null ? cluster.Primary : await cluster.RestartSiloAsync(cluster.Primary);
        silo.CollectIdleActivations(TimeSpan.Zero);
        await Eventually.TrueAsync(() => silo.ActivationCount == 0);
        ITallyGrain again = silo.GrainFactory.GetGrain<ITallyGrain>("t/tally");

        Assert.Equal(before, await again.GetAsync());
        Assert.Equal(46, await again.GetVersionAsync());
        Assert.Equal(Enumerable.Range(0, 45).Where(i => i % 4 == 0).Sum(), before["k0"]);
    }
}
