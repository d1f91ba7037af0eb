using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains.Audit;
using OrderActors.Silo.TestHost.Processes;
using OrderActors.Silo.Tests.Cluster.Support;
using OrderActors.Testing;
using Xunit.Abstractions;

namespace OrderActors.Silo.Tests.Cluster;

/// <summary>A trip whose warehouse grain dies with its silo process (SIGKILL) is finished by another silo.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RerouteFollowUpTests(ITestOutputHelper output)
{
    private const string Tenant = "t1";
    private const int Orders = 300;

    [PostgresFact]
    public async Task ATripCutOffByASiloCrashIsResumedFromTheClosedStockAndEveryOrderMovesExactlyOnce()
    {
        var timeline = new Timeline(output);
        await using SiloProcessCluster cluster = await SiloProcessCluster.StartAsync(silos: 2, new Dictionary<string, string> { ["Hub:RerouteWindow"] = "2" });
        timeline.Mark("2 silos ready");
        await cluster.RunAsync(async () =>
        {
            var world = new GrainWorld(cluster.Client, Tenant);
            await StockAsync(world, a: 4000, b: 1000);
            List<string> orders = await PlaceOrdersAsync(world, Orders);
            Assert.All(await world.SettleAsync(orders, TimeSpan.FromSeconds(120)), o => Assert.Equal("WH-A", Assert.Single(o.Allocations).WarehouseId));
            IWarehouseGrain warehouse = world.Warehouse("WH-A");
            timeline.Mark($"{Orders} orders allocated at WH-A");

            TripResult trip = await warehouse.TripAsync("roof leak", BreakerSource.Operator);
            RerouteProgress beforeCrash = await WaitForAsync(warehouse, trip.Epoch, p => p.Rerouted >= 20, TimeSpan.FromSeconds(60));
            SiloProcess victim = await cluster.HostOfAsync(warehouse) ?? throw new InvalidOperationException("WH-A is not activated anywhere.");
            await cluster.KillAsync(victim.Index);
            timeline.Mark($"{victim.Name}, hosting WH-A, killed at {beforeCrash}");
            Task<TimeSpan> detected = cluster.WaitUntilDeclaredDeadAsync(victim.Index, TimeSpan.FromSeconds(30));
            WarehouseView view = (await Recovering.CallAsync(warehouse.GetAsync))!;
            RerouteProgress resumed = await WaitForAsync(warehouse, trip.Epoch, p => p.Affected > 0 && p.Pending == 0, TimeSpan.FromSeconds(120));
            SiloProcess? resumedOn = await cluster.HostOfAsync(warehouse);
            timeline.Mark($"{victim.Name} declared dead {(await detected).TotalSeconds:F1} s after the kill; trip finished on {resumedOn?.Name}: {resumed}");

            Assert.Equal(BreakerState.Open, view.Breaker.State);
            Assert.True(beforeCrash.Pending > 0, "the crash should land in the middle of the trip");
            Assert.Equal(resumed.Affected, resumed.Rerouted + resumed.NotAffected);
            Assert.True(resumed.NotAffected + (Orders - resumed.Affected) >= beforeCrash.Rerouted,
                $"orders moved before the crash must be released already or answer not affected: {beforeCrash} then {resumed}");
            Assert.True(resumedOn is not null && resumedOn != victim, $"WH-A should live on a surviving silo, not on {resumedOn?.Name}");
            OrderRecord?[] after = await Task.WhenAll(orders.Select(id => Recovering.CallAsync(() => world.Order(id).GetAsync())));
            Assert.All(after, o => Assert.Equal((OrderStatus.Allocated, "WH-B"), (o!.Status, Assert.Single(o.Allocations).WarehouseId)));
            Assert.All(after, o => Assert.Equal(1, o!.Reroutes));
            Assert.Equal(0, (await world.LevelAsync("WH-A", "TEA")).Reserved);
            Assert.Equal(Orders, (await world.LevelAsync("WH-B", "TEA")).Reserved);
            AuditReport audit = await new InventoryAudit(cluster.Client, TimeProvider.System).RunAsync(Tenant, orders);
            Assert.True(audit.Ok, string.Join("; ", audit.Violations.Take(5)));
            timeline.Mark("every order moved once to WH-B; audit ok");
        });
    }

    private static async Task StockAsync(GrainWorld world, int a, int b)
    {
        await world.WarehouseAsync("WH-A", GrainWorld.Hangzhou, "WH-B");
        await world.WarehouseAsync("WH-B", GrainWorld.Shanghai);
        await world.SkuAsync("TEA", buckets: 2);
        await world.StockAsync("WH-A", "TEA", a);
        await world.StockAsync("WH-B", "TEA", b);
        await world.MapAsync(Channel.Taobao, "tb-tea", "TEA");
    }

    private static async Task<List<string>> PlaceOrdersAsync(GrainWorld world, int count)
    {
        List<OrderBuilder> orders = Enumerable.Range(0, count).Select(i => new OrderBuilder($"rf-{i}").Buyer($"rf{i}").Line("tb-tea")).ToList();
        using var lanes = new SemaphoreSlim(32);
        await Task.WhenAll(orders.Select(async order =>
        {
            await lanes.WaitAsync();
            try
            {
                await world.Order(order.OrderId).SubmitAsync(order.Build(), DateTimeOffset.UtcNow);
            }
            finally
            {
                lanes.Release();
            }
        }));
        return orders.Select(o => o.OrderId).ToList();
    }

    private static Task<RerouteProgress> WaitForAsync(IWarehouseGrain warehouse, long epoch, Func<RerouteProgress, bool> done, TimeSpan within) =>
        Recovering.UntilAsync(() => warehouse.GetRerouteProgressAsync(epoch), done, within, p => $"trip {epoch}: {p}");
}
