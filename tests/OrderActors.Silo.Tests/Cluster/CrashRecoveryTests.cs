using System.Collections.Concurrent;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Audit;
using OrderActors.Silo.TestHost.Processes;
using OrderActors.Silo.Tests.Cluster.Support;
using OrderActors.Testing;
using Xunit.Abstractions;

namespace OrderActors.Silo.Tests.Cluster;

/// <summary>A silo process dies by SIGKILL while orders pour in through an Orleans client.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const string Tenant = "t1";
    private const int Orders = 400;
    private const int KillAfterAcknowledged = 150;

    [PostgresFact]
    public async Task ASiloKilledInTheMiddleOfARushLosesNoAcknowledgedOrderAndLeavesNoOrphanedStock()
    {
        var timeline = new Timeline(output);
        await using SiloProcessCluster cluster = await SiloProcessCluster.StartAsync(silos: 2);
        timeline.Mark("2 silos ready");
        await cluster.RunAsync(async () =>
        {
            var world = new GrainWorld(cluster.Client, Tenant);
            await world.WarehouseAsync("WH-HZ", GrainWorld.Hangzhou);
            await world.WarehouseAsync("WH-SH", GrainWorld.Shanghai);
            await world.SkuAsync("HOT", buckets: 4);
            await world.StockAsync("WH-HZ", "HOT", 150);
            await world.StockAsync("WH-SH", "HOT", 100);
            await world.MapAsync(Channel.Taobao, "tb-hot", "HOT");
            List<OrderBuilder> orders = Enumerable.Range(0, Orders).Select(i => new OrderBuilder($"crash-{i}").Buyer($"c{i}").Line("tb-hot")).ToList();
            var acknowledged = new ConcurrentBag<string>();
            var refused = new ConcurrentBag<string>();

            Task rush = RushAsync(world, orders, acknowledged, refused);
            await Eventually.TrueAsync(() => acknowledged.Count >= KillAfterAcknowledged || rush.IsCompleted, TimeSpan.FromSeconds(60));
            (SiloProcess victim, int hostedOrders) = await BusiestAsync(cluster, world, acknowledged.ToList());
            int acknowledgedAtKill = acknowledged.Count;
            await cluster.KillAsync(victim.Index);
            timeline.Mark($"{victim.Name} killed at {acknowledgedAtKill} acknowledged, hosting {hostedOrders} of them");
            Task<TimeSpan> detected = cluster.WaitUntilDeclaredDeadAsync(victim.Index, TimeSpan.FromSeconds(30));
            await rush.WaitAsync(TimeSpan.FromSeconds(90));
            timeline.Mark($"{victim.Name} declared dead {(await detected).TotalSeconds:F1} s after the kill; "
                + $"rush done: {acknowledged.Count} acknowledged, {refused.Count} refused");
            SiloProcess replacement = await cluster.StartAsync();
            timeline.Mark($"{replacement.Name} joined in place of {victim.Name}");

            Assert.True(acknowledgedAtKill < Orders, "the kill should land in the middle of the rush");
            Assert.True(hostedOrders > 0, $"{victim.Name} should host some of the acknowledged orders");
            OrderRecord?[] recovered = await Task.WhenAll(acknowledged.Select(id => Recovering.CallAsync(() => world.Order(id).GetAsync())));
            Assert.All(recovered, Assert.NotNull);
            // A refused order's caller retries, as a platform re-pushes; one that was stored before its answer was lost is then a duplicate.
            Dictionary<string, OrderBuilder> byId = orders.ToDictionary(o => o.OrderId);
            await Task.WhenAll(refused.Select(id => Recovering.CallAsync(() => world.Order(id).SubmitAsync(byId[id].Build(), DateTimeOffset.UtcNow))));
            timeline.Mark($"{refused.Count} refused orders retried");
            IReadOnlyList<OrderRecord> settled = await world.SettleAsync(acknowledged.Concat(refused), TimeSpan.FromSeconds(90));
            Assert.All(settled, o => Assert.Contains(o.Status, new[] { OrderStatus.Allocated, OrderStatus.OnHold }));
            Assert.True(settled.Count(o => o.Status == OrderStatus.Allocated) <= 250);
            AuditReport audit = await new InventoryAudit(cluster.Client, TimeProvider.System).RunAsync(Tenant, orders.Select(o => o.OrderId));
            Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
            timeline.Mark($"every acknowledged order recovered and settled ({settled.Count(o => o.Status == OrderStatus.Allocated)} allocated); audit ok");
        });
    }

    /// <summary>Submits the orders a few dozen at a time; one that fails with a crash's fallout was not acknowledged, so its caller would retry.</summary>
    private static async Task RushAsync(GrainWorld world, List<OrderBuilder> orders, ConcurrentBag<string> acknowledged, ConcurrentBag<string> refused)
    {
        using var lanes = new SemaphoreSlim(24);
        await Task.WhenAll(orders.Select(async order =>
        {
            await lanes.WaitAsync();
            try
            {
                await world.Order(order.OrderId).SubmitAsync(order.Build(), DateTimeOffset.UtcNow);
                acknowledged.Add(order.OrderId);
            }
            catch (Exception ex) when (Recovering.IsCrashFallout(ex))
            {
                refused.Add(order.OrderId);
            }
            finally
            {
                lanes.Release();
            }
        }));
    }

    /// <summary>The silo that hosts the most of the acknowledged orders now.</summary>
    private static async Task<(SiloProcess Silo, int Orders)> BusiestAsync(SiloProcessCluster cluster, GrainWorld world, List<string> orderIds)
    {
        SiloProcess?[] hosts = await Task.WhenAll(orderIds.Select(id => cluster.HostOfAsync(world.Order(id))));
        IGrouping<SiloProcess, SiloProcess> busiest = hosts.OfType<SiloProcess>().GroupBy(s => s).MaxBy(g => g.Count())
            ?? throw new InvalidOperationException("None of the acknowledged orders is activated anywhere.");
        return (busiest.Key, busiest.Count());
    }
}
