using Npgsql;
using OrderActors.Abstractions.Events;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains.Tests.Support;
using OrderActors.Testing;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace OrderActors.Grains.Tests;

/// <summary>The <c>hub_events</c> outbox reaches the durable stream at least once, and its consumers count each event once.</summary>
public sealed class HubEventStreamTests
{
    private const string Tenant = HubCluster.Tenant;

    [PostgresFact]
    public async Task OrdersAndATrippedBreakerReachTheTenantsEventLogOncePerOutboxRow()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using HubCluster hub = await HubCluster.StartAsync(database.ConnectionString);
        await using var outbox = new OutboxTable(database.ConnectionString);
        await Relay(hub.Grains).EnsureRunningAsync();
        await StockAsync(hub);
        List<string> orders = await PlaceOrdersAsync(hub, 40);
        await hub.SettleAsync(orders);

        TripResult trip = await hub.Setup.Warehouse("WH-A").TripAsync("flooded", BreakerSource.Operator);
        await Eventually.TrueAsync(async () => (await hub.Setup.Warehouse("WH-A").GetRerouteProgressAsync(trip.Epoch)).Pending == 0, TimeSpan.FromSeconds(60));
        await hub.SettleAsync(orders);
        IReadOnlyDictionary<string, long> rows = await outbox.CountsAsync(Tenant);
        EventLogView log = await WaitForLogAsync(hub.Grains, rows);
        await Task.Delay(TimeSpan.FromSeconds(1));
        EventLogView later = await Log(hub.Grains).GetAsync();

        Assert.Equal([HubEventKinds.BreakerChanged, HubEventKinds.OrderRerouted, HubEventKinds.OrderStatusChanged], rows.Keys);
        Assert.InRange(rows[HubEventKinds.OrderRerouted], 1, 40);
        Assert.Equal(rows, later.ByKind);
        Assert.Equal(await outbox.MaxSeqAsync(Tenant), later.LastSeq);
        Assert.Equal(50, later.Recent.Count);
        Assert.Equal(later.Recent.Select(e => e.Seq).OrderDescending(), later.Recent.Select(e => e.Seq));
        Assert.Equal(log.ByKind, later.ByKind);
    }

    [PostgresFact]
    public async Task WhenTheRelaysSiloDiesItsReminderBringsItBackAndWhatItPublishesAgainIsCountedOnce()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using HubCluster hub = await HubCluster.StartAsync(database.ConnectionString, silos: 2);
        await using var outbox = new OutboxTable(database.ConnectionString);
        IHubEventRelayGrain relay = Relay(hub.Grains);
        await relay.EnsureRunningAsync();
        using var writing = new CancellationTokenSource();
        Task writer = KeepAppendingAsync(outbox, writing.Token);

        long checkpoint = (await relay.GetStatusAsync()).PersistedFloor;
        await Eventually.TrueAsync(async () => (await relay.GetStatusAsync()).PersistedFloor > checkpoint, TimeSpan.FromSeconds(30));
        EventLogView beforeKill = null!;
        RelayStatus dying = null!;
        await Eventually.TrueAsync(async () =>
        {
            dying = await relay.GetStatusAsync();
            beforeKill = await Log(hub.Grains).GetAsync();
            return beforeKill.LastSeq > dying.PersistedFloor;
        }, TimeSpan.FromSeconds(30), "the log takes in events the relay has not checkpointed yet");
        SiloHandle relaySilo = hub.Cluster.Silos.Single(s => s.SiloAddress.ToString() == dying.Silo);
        await hub.Cluster.KillSiloAsync(relaySilo);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await writing.CancelAsync();
        await writer;
        IReadOnlyDictionary<string, long> rows = await outbox.CountsAsync(Tenant);

        // Nothing calls the relay until the log has caught up: only its reminder can have brought it back.
        EventLogView log = await WaitForLogAsync(hub.Grains, rows, TimeSpan.FromMinutes(4));
        RelayStatus back = await relay.GetStatusAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        EventLogView later = await Log(hub.Grains).GetAsync();

        Assert.True(beforeKill.LastSeq > dying.PersistedFloor, $"the kill must come after events the relay had not checkpointed: {beforeKill.LastSeq} vs {dying}");
        Assert.NotEqual(dying.Silo, back.Silo);
        Assert.True(back.StartedFrom < beforeKill.LastSeq, $"the relay should have published events taken in already again: {back}");
        Assert.True(later.Repeats > 0, "the repeats reached the log and were dropped");
        Assert.Equal(rows, log.ByKind);
        Assert.Equal(rows, later.ByKind);
        Assert.Equal(await outbox.MaxSeqAsync(Tenant), later.LastSeq);
    }

    [PostgresFact]
    public async Task ARowCommittedAfterAHigherNumberedOneIsStillDeliveredOnce()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using HubCluster hub = await HubCluster.StartAsync(database.ConnectionString);
        await using var outbox = new OutboxTable(database.ConnectionString);
        await Relay(hub.Grains).EnsureRunningAsync();

        await using NpgsqlConnection slow = await outbox.OpenAsync();
        await using NpgsqlTransaction slowCommit = await slow.BeginTransactionAsync();
        long lower = await outbox.AppendAsync(Tenant, HubEventKinds.OrderStatusChanged, "slow", slow);
        long higher = await outbox.AppendAsync(Tenant, HubEventKinds.BreakerChanged, "fast");
        await Eventually.TrueAsync(async () => (await Log(hub.Grains).GetAsync()).LastSeq == higher);
        EventLogView beforeCommit = await Log(hub.Grains).GetAsync();
        await slowCommit.CommitAsync();
        await Eventually.TrueAsync(async () => (await Log(hub.Grains).GetAsync()).ByKind.Values.Sum() >= 2);
        await Task.Delay(TimeSpan.FromSeconds(1));
        EventLogView log = await Log(hub.Grains).GetAsync();

        Assert.True(lower < higher);
        Assert.Equal([higher], beforeCommit.Recent.Select(e => e.Seq));
        Assert.Equal([higher, lower], log.Recent.Select(e => e.Seq));
        Assert.Equal(new Dictionary<string, long> { [HubEventKinds.BreakerChanged] = 1, [HubEventKinds.OrderStatusChanged] = 1 }, log.ByKind);
        Assert.Equal(higher, log.LastSeq);
    }

    /// <summary>
    /// Regression: with explicit pub-sub, the stream's rendezvous grain kept Orleans' own state types through the JSON
    /// storage serializer, which wrote them as empty objects (<c>"producers": [{}]</c>); after a failover it could
    /// not read them back, producers could not register and events stopped. The hub's stream is implicit-only: no
    /// rendezvous state is ever stored, and deactivating everything does not stop the flow.
    /// </summary>
    [PostgresFact]
    public async Task TheStreamKeepsNoPubSubStateAndKeepsFlowingAfterEveryActivationIsCollected()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using HubCluster hub = await HubCluster.StartAsync(database.ConnectionString);
        await using var outbox = new OutboxTable(database.ConnectionString);
        await Relay(hub.Grains).EnsureRunningAsync();
        await StockAsync(hub);
        await hub.SettleAsync(await PlaceOrdersAsync(hub, 5));
        await WaitForLogAsync(hub.Grains, await outbox.CountsAsync(Tenant));

        await hub.CollectIdleActivationsAsync();
        await Relay(hub.Grains).EnsureRunningAsync();
        TripResult trip = await hub.Setup.Warehouse("WH-A").TripAsync("power cut", BreakerSource.Operator);
        await Eventually.TrueAsync(async () => (await hub.Setup.Warehouse("WH-A").GetRerouteProgressAsync(trip.Epoch)).Pending == 0, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));
        IReadOnlyDictionary<string, long> rows = await outbox.CountsAsync(Tenant);
        EventLogView log = await WaitForLogAsync(hub.Grains, rows);

        Assert.Equal(rows, log.ByKind);
        Assert.Contains(log.Recent, e => e.Kind == HubEventKinds.BreakerChanged);
        Assert.Equal(0, await PubSubRowsAsync(database));
    }

    private static async Task<long> PubSubRowsAsync(PostgresTestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM grain_state WHERE grain_type LIKE 'pubsub%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task WithoutPostgresTheRelayStaysIdle()
    {
        await using HubCluster hub = await HubCluster.StartAsync();

        await Relay(hub.Grains).EnsureRunningAsync();
        RelayStatus status = await Relay(hub.Grains).GetStatusAsync();

        Assert.False(status.Running);
        Assert.Equal(0, status.Published);
    }

    private static IHubEventRelayGrain Relay(IGrainFactory grains) => grains.GetGrain<IHubEventRelayGrain>(IHubEventRelayGrain.Key);

    private static ITenantEventLogGrain Log(IGrainFactory grains) => grains.GetGrain<ITenantEventLogGrain>(Tenant);

    /// <summary>Waits until the log counts what the outbox holds, riding out a silo that is going away; counting more fails at once.</summary>
    private static async Task<EventLogView> WaitForLogAsync(IGrainFactory grains, IReadOnlyDictionary<string, long> rows, TimeSpan? within = null)
    {
        DateTime deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        EventLogView? log = null;
        while (true)
        {
            try
            {
                log = await Log(grains).GetAsync();
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                log = null;
            }
            if (log is not null && log.ByKind.Count == rows.Count && rows.All(r => log.ByKind.GetValueOrDefault(r.Key) == r.Value))
            {
                return log;
            }
            Assert.False(log is not null && log.ByKind.Any(k => k.Value > rows.GetValueOrDefault(k.Key)),
                $"the log counted {Describe(log?.ByKind)} where the outbox holds {Describe(rows)}");
            Assert.True(DateTime.UtcNow < deadline, $"the outbox holds {Describe(rows)}; the log counted {Describe(log?.ByKind)}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static async Task KeepAppendingAsync(OutboxTable outbox, CancellationToken until)
    {
        for (int i = 0; !until.IsCancellationRequested; i++)
        {
            await outbox.AppendAsync(Tenant, i % 5 == 0 ? HubEventKinds.BreakerChanged : HubEventKinds.OrderStatusChanged, $"o-{i}");
            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }

    private static async Task StockAsync(HubCluster hub)
    {
        await hub.Setup.WarehouseAsync("WH-A", HubSetup.Hangzhou, false, "WH-B");
        await hub.Setup.WarehouseAsync("WH-B", HubSetup.Shanghai);
        await hub.Setup.SkuAsync("TEA");
        await hub.Setup.StockAsync("WH-A", "TEA", 100);
        await hub.Setup.StockAsync("WH-B", "TEA", 100);
        await hub.Setup.MapAsync(Channel.Taobao, "tb-tea", "TEA");
    }

    private static async Task<List<string>> PlaceOrdersAsync(HubCluster hub, int count)
    {
        List<OrderBuilder> orders = Enumerable.Range(0, count).Select(i => new OrderBuilder($"ev-{i}").Buyer($"ev{i}").Line("tb-tea")).ToList();
        await Task.WhenAll(orders.Select(o => hub.Order(o.OrderId).SubmitAsync(o.Build(), hub.Clock.GetUtcNow())));
        return orders.Select(o => o.OrderId).ToList();
    }

    private static string Describe(IReadOnlyDictionary<string, long>? counts) =>
        counts is null ? "nothing (unavailable)" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
}
