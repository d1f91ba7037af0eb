using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Silo.TestHost.Processes;
using OrderActors.Silo.Tests.Cluster.Support;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;
using Xunit.Abstractions;

namespace OrderActors.Silo.Tests.Cluster;

/// <summary>Channel orders posted over HTTP to one silo while another, holding the tenant's stock, is killed (SIGKILL).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChannelIntakeCrashTests(ITestOutputHelper output)
{
    private const string Tenant = "crash";
    private const int Orders = 240;
    private const int KillAfterAccepted = 80;
    private const int StockPerWarehouse = 100;

    /// <summary>Each order takes two pillows; two warehouses hold <see cref="StockPerWarehouse"/> each.</summary>
    private const int MostAllocated = 2 * StockPerWarehouse / 2;

    [PostgresFact]
    public async Task EveryOrderAcceptedWhileASiloIsKilledIsReadableThroughAnotherSiloAndTheAuditHolds()
    {
        var timeline = new Timeline(output);
        await using SiloProcessCluster cluster = await SiloProcessCluster.StartAsync(silos: 3);
        timeline.Mark("3 silos ready");
        await cluster.RunAsync(async () =>
        {
            TenantApi intake = Api(cluster[0]);
            TenantApi reader = Api(cluster[2]);
            await Api(cluster[1]).SetUpWorldAsync(StockPerWarehouse);
            var accepted = new ConcurrentBag<string>();
            var refused = new ConcurrentBag<HttpStatusCode>();

            Task posting = PostOrdersAsync(intake, accepted, refused);
            await Eventually.TrueAsync(() => accepted.Count >= KillAfterAccepted || posting.IsCompleted, TimeSpan.FromSeconds(60));
            int acceptedAtKill = accepted.Count;
            int ordersOnVictim = await OnSiloAsync(cluster, cluster[1], accepted.Select(id => (IAddressable)cluster.Client.GetGrain<IOrderGrain>(Keys.Order(Tenant, id))));
            int stockOnVictim = await OnSiloAsync(cluster, cluster[1], StockGrains(cluster.Client));
            await cluster.KillAsync(1);
            timeline.Mark($"silo-1 killed at {acceptedAtKill} accepted, hosting {ordersOnVictim} of them and {stockOnVictim} stock grains");
            Task<TimeSpan> detected = cluster.WaitUntilDeclaredDeadAsync(1, TimeSpan.FromSeconds(30));
            await posting.WaitAsync(TimeSpan.FromSeconds(120));
            timeline.Mark($"silo-1 declared dead {(await detected).TotalSeconds:F1} s after the kill; intake done: {accepted.Count} accepted, "
                + $"refused {string.Join(", ", refused.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");

            Assert.True(acceptedAtKill < Orders, "the kill should land in the middle of the intake");
            Assert.True(ordersOnVictim + stockOnVictim > 0,
                "silo-1 should host some of the accepted orders or the stock they reserve from when it dies (Orleans places grains near their first caller)");
            Assert.All(refused, status => Assert.True(status == HttpStatusCode.Conflict || (int)status >= 500,
                $"a valid order was refused with {(int)status}: only a lost write race (409) or the crash (5xx) may refuse one"));
            (string OrderId, HttpStatusCode Status, string? State)[] read = await ReadSettledAsync(reader, accepted, TimeSpan.FromSeconds(90));
            Assert.All(read, r => Assert.True(r.Status == HttpStatusCode.OK, $"accepted order {r.OrderId} reads {(int)r.Status} through silo-2"));
            string[] settled = read.Select(r => r.State!).ToArray();
            Assert.All(settled, status => Assert.Contains(status, new[] { "Allocated", "OnHold" }));
            Assert.InRange(settled.Count(s => s == "Allocated"), 1, MostAllocated);
            (HttpStatusCode auditStatus, JsonNode? audit) = await reader.GetAsync("/api/v1/audit");
            Assert.Equal(HttpStatusCode.OK, auditStatus);
            Assert.True(audit!["ok"]!.GetValue<bool>(), audit.ToJsonString());
            timeline.Mark("every accepted order read and settled through silo-2; audit ok");
        });
    }

    private static TenantApi Api(SiloProcess silo)
    {
        var client = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = silo.Http.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add("X-Tenant", Tenant);
        return new TenantApi(client, Tenant);
    }

    /// <summary>Posts mini-program orders 16 at a time; a 202 is an acknowledgement, anything else is not.</summary>
    private static async Task PostOrdersAsync(TenantApi intake, ConcurrentBag<string> accepted, ConcurrentBag<HttpStatusCode> refused)
    {
        using var lanes = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, Orders).Select(async i =>
        {
            await lanes.WaitAsync();
            try
            {
                string orderNo = $"MPC{i:D5}";
                (HttpStatusCode status, _) = await intake.PostAsync("/api/v1/channels/miniapp/orders", Fixtures.MiniappOrder(orderNo));
                if (status == HttpStatusCode.Accepted)
                {
                    accepted.Add($"miniapp-{orderNo}");
                }
                else
                {
                    refused.Add(status);
                }
            }
            finally
            {
                lanes.Release();
            }
        }));
    }

    /// <summary>Reads the orders 16 at a time until each has settled, all within <paramref name="within"/>.</summary>
    private static async Task<(string OrderId, HttpStatusCode Status, string? State)[]> ReadSettledAsync(
        TenantApi reader, IEnumerable<string> orderIds, TimeSpan within)
    {
        DateTime deadline = DateTime.UtcNow + within;
        using var lanes = new SemaphoreSlim(16);
        return await Task.WhenAll(orderIds.Select(async id =>
        {
            await lanes.WaitAsync();
            try
            {
                return await ReadSettledAsync(reader, id, deadline);
            }
            finally
            {
                lanes.Release();
            }
        }));
    }

    /// <summary>
    /// Reads an order until it has left Paid/Reserved: a 5xx while the cluster takes in the death is read again, a 404 is
    /// a lost order. An order whose allocation call died with the silo may wait for the 30 s sweep (MaintenanceService).
    /// </summary>
    private static async Task<(string OrderId, HttpStatusCode Status, string? State)> ReadSettledAsync(TenantApi reader, string orderId, DateTime deadline)
    {
        while (true)
        {
            (HttpStatusCode status, JsonNode? body) = await reader.GetAsync($"/api/v1/orders/{orderId}");
            string? state = status == HttpStatusCode.OK ? body?["status"]?.GetValue<string>() : null;
            bool retry = (int)status >= 500 || state is "Paid" or "Reserved";
            if (!retry || DateTime.UtcNow > deadline)
            {
                return (orderId, status, state);
            }
            await Task.Delay(250);
        }
    }

    /// <summary>The tenant's catalog, stock roots and buckets (two SKUs at two warehouses, two buckets each).</summary>
    private static IEnumerable<IAddressable> StockGrains(IGrainFactory grains)
    {
        yield return grains.GetGrain<ICatalogGrain>(Keys.Tenant(Tenant));
        foreach (string sku in new[] { "MJ-NS-WAL-40", "MJ-PIL-LTX-STD" })
        {
            foreach (string warehouse in new[] { "WH-HZ", "WH-SH" })
            {
                yield return grains.GetGrain<ISkuStockGrain>(Keys.Stock(Tenant, sku, warehouse));
                yield return grains.GetGrain<IStockBucketGrain>(Keys.Bucket(Tenant, sku, warehouse, 0));
                yield return grains.GetGrain<IStockBucketGrain>(Keys.Bucket(Tenant, sku, warehouse, 1));
            }
        }
    }

    /// <summary>How many of the grains are activated on the silo now.</summary>
    private static async Task<int> OnSiloAsync(SiloProcessCluster cluster, SiloProcess silo, IEnumerable<IAddressable> grains)
    {
        SiloProcess?[] hosts = await Task.WhenAll(grains.Select(cluster.HostOfAsync));
        return hosts.Count(h => h == silo);
    }
}
