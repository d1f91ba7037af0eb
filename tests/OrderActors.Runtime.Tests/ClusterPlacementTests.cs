using OrderActors.Runtime.Core;
using OrderActors.Runtime.Testing;
using OrderActors.Runtime.Tests.Support;

namespace OrderActors.Runtime.Tests;

public sealed class ClusterPlacementTests
{
    [PostgresFact]
    public async Task CallsFromAnySiloReachTheSingleOwner()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await MultiSiloClusters.StartAsync(database.ConnectionString, silos: 3);
        string[] keys = Enumerable.Range(0, 60).Select(i => $"t/grain-{i}").ToArray();

        var hosts = new Dictionary<string, string>();
        foreach (string key in keys)
        {
            string[] seen = await Task.WhenAll(cluster.Silos.Select(s => s.GrainFactory.GetGrain<ILocatorGrain>(key).WhereAsync()));
            Assert.Single(seen.Distinct());
            hosts[key] = seen[0];
        }

        foreach (string key in keys)
        {
            var id = new GrainId("locator", key);
            TestSilo owner = cluster.Silos.Single(s => s.Name == hosts[key]);
            Assert.Equal(owner.Address, cluster.Silos[0].OwnerOf(id));
            Assert.Single(cluster.Silos, s => s.HasActivation(id));
        }
        Assert.Equal(3, hosts.Values.Distinct().Count());
    }

    [PostgresFact]
    public async Task AnExceptionThrownOnTheOwnerSiloReachesTheCallerWithItsType()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await MultiSiloClusters.StartAsync(database.ConnectionString, silos: 2);
        string key = Enumerable.Range(0, 100).Select(i => $"t/remote-{i}")
            .First(k => cluster.Silos[0].OwnerOf(new GrainId("locator", k)) == cluster.Silos[1].Address);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() =>
            cluster.Silos[0].GrainFactory.GetGrain<ILocatorGrain>(key).ThrowAsync("bad input on silo-2"));

        Assert.Equal("bad input on silo-2", error.Message);
    }

    [PostgresFact]
    public async Task AGracefullyStoppingSiloFinishesOrForwardsEveryQueuedCall()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await MultiSiloClusters.StartAsync(database.ConnectionString, silos: 2);
        TestSilo leaving = cluster.Silos[1];
        string key = Enumerable.Range(0, 100).Select(i => $"t/ledger-{i}")
            .First(k => cluster.Silos[0].OwnerOf(new GrainId("ledger", k)) == leaving.Address);
        ILedgerGrain ledger = cluster.Silos[0].GrainFactory.GetGrain<ILedgerGrain>(key);

        List<Task<string>> calls = Enumerable.Range(0, 40).Select(i => ledger.SlowAppendAsync(i, delayMs: 25)).ToList();
        await Task.Delay(100);
        await leaving.StopAsync();
        string[] ranOn = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 40), (await ledger.GetAsync()).Order());
        Assert.Contains("silo-2", ranOn);
        Assert.Contains("silo-1", ranOn);
    }

    [PostgresFact]
    public async Task ALeavingSiloIsNotDeclaredDeadWhileALongTurnFinishes()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await MultiSiloClusters.StartAsync(database.ConnectionString, silos: 2);
        TestSilo leaving = cluster.Silos[1];
        string key = Enumerable.Range(0, 100).Select(i => $"t/ledger-{i}")
            .First(k => cluster.Silos[0].OwnerOf(new GrainId("ledger", k)) == leaving.Address);
        ILedgerGrain ledger = cluster.Silos[0].GrainFactory.GetGrain<ILedgerGrain>(key);

        Task<string> longTurn = ledger.SlowAppendAsync(0, delayMs: 1500);
        await Task.Delay(100);
        List<Task<string>> queued = Enumerable.Range(1, 5).Select(i => ledger.SlowAppendAsync(i, delayMs: 0)).ToList();
        await Task.Delay(100);
        await leaving.StopAsync();

        Assert.Equal("silo-2", await longTurn);
        Assert.All(await Task.WhenAll(queued), ranOn => Assert.Equal("silo-1", ranOn));
        Assert.Equal(Enumerable.Range(0, 6), (await ledger.GetAsync()).Order());
    }
}
