using OrderActors.Runtime.Core;
using OrderActors.Runtime.Testing;
using OrderActors.Runtime.Tests.Support;

namespace OrderActors.Runtime.Tests;

public sealed class ClusterFailoverTests
{
    [PostgresFact]
    public async Task KillingASiloDuringAStreamOfWritesLosesNoAcknowledgedWrite()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await MultiSiloClusters.StartAsync(database.ConnectionString, silos: 3);
        TestSilo victim = cluster.Silos[2];
        string[] keys = Enumerable.Range(0, 24).Select(i => $"t/ledger-{i}").ToArray();
        var victimsGrains = keys.Where(k => cluster.Silos[0].OwnerOf(new GrainId("ledger", k)) == victim.Address).ToList();
        Assert.NotEmpty(victimsGrains);
        var writers = new WriteStream(keys, [cluster.Silos[0], cluster.Silos[1]]);

        Task writing = writers.RunAsync(TimeSpan.FromSeconds(6));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        DateTime killedAt = DateTime.UtcNow;
        await victim.KillAsync();
        await writing;

        Assert.True(writers.AcknowledgedCount > 200, $"only {writers.AcknowledgedCount} writes were acknowledged");
        Assert.True(writers.AcknowledgedSince(killedAt, victimsGrains) > 0, "the killed silo's grains never came back");
        await writers.AssertEveryAcknowledgedWriteIsStoredAsync(cluster.Silos[0].GrainFactory);
        foreach (string key in victimsGrains)
        {
            Assert.Contains(cluster.Running, s => s.HasActivation(new GrainId("ledger", key)));
        }
    }

    [PostgresFact]
    public async Task ASiloJoiningMovesOwnershipWithoutLosingWrites()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await MultiSiloClusters.StartAsync(database.ConnectionString, silos: 2);
        string[] keys = Enumerable.Range(0, 24).Select(i => $"t/join-{i}").ToArray();
        var writers = new WriteStream(keys, [cluster.Silos[0], cluster.Silos[1]]);

        Task writing = writers.RunAsync(TimeSpan.FromSeconds(4));
        await Task.Delay(TimeSpan.FromSeconds(1));
        TestSilo joined = await cluster.StartSiloAsync();
        await writing;
        await MultiSiloClusters.WaitForConvergenceAsync(cluster);

        await writers.AssertEveryAcknowledgedWriteIsStoredAsync(cluster.Silos[0].GrainFactory);
        var moved = keys.Where(k => cluster.Silos[0].OwnerOf(new GrainId("ledger", k)) == joined.Address).ToList();
        Assert.NotEmpty(moved);
        foreach (string key in moved)
        {
            await cluster.Silos[0].GrainFactory.GetGrain<ILedgerGrain>(key).GetAsync();
            Assert.True(joined.HasActivation(new GrainId("ledger", key)));
            Assert.False(cluster.Silos[0].HasActivation(new GrainId("ledger", key)));
            Assert.False(cluster.Silos[1].HasActivation(new GrainId("ledger", key)));
        }
    }

    [PostgresFact]
    public async Task AStaleActivationOnACutOffSiloCannotOverwriteTheNewOwnersState()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await MultiSiloClusters.StartAsync(database.ConnectionString, silos: 2);
        TestSilo survivor = cluster.Silos[0];
        TestSilo zombie = cluster.Silos[1];
        string key = Enumerable.Range(0, 100).Select(i => $"t/zombie-{i}")
            .First(k => survivor.OwnerOf(new GrainId("ledger", k)) == zombie.Address);
        await survivor.GrainFactory.GetGrain<ILedgerGrain>(key).AppendAsync(1);
        Assert.True(zombie.HasActivation(new GrainId("ledger", key)));

        zombie.SimulatePartition(true);
        await Eventually.TrueAsync(() => survivor.OwnerOf(new GrainId("ledger", key)) == survivor.Address, because: "the cut-off silo was never declared dead");
        await survivor.GrainFactory.GetGrain<ILedgerGrain>(key).AppendAsync(2);

        await Assert.ThrowsAsync<InconsistentStateException>(() => zombie.GrainFactory.GetGrain<ILedgerGrain>(key).AppendAsync(99));
        zombie.SimulatePartition(false);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await zombie.GrainFactory.GetGrain<ILedgerGrain>(key).GetAsync();
                return false;
            }
            catch (SiloUnavailableException)
            {
                return true;
            }
        }, because: "a silo declared dead must stop serving");
        Assert.Equal([1, 2], await survivor.GrainFactory.GetGrain<ILedgerGrain>(key).GetAsync());
    }
}
