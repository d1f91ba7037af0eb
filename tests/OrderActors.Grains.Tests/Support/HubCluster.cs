using Microsoft.Extensions.DependencyInjection;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Audit;
using OrderActors.Runtime;
using OrderActors.Runtime.Filters;
using OrderActors.Runtime.Testing;

namespace OrderActors.Grains.Tests.Support;

/// <summary>A silo with the hub's grains, on memory (or a given PostgreSQL), with a hand-moved clock.</summary>
public sealed class HubCluster : IAsyncDisposable
{
    public const string Tenant = "t1";

    private HubCluster(TestCluster cluster, ManualClock clock)
    {
        Cluster = cluster;
        Clock = clock;
    }

    public TestCluster Cluster { get; }

    public ManualClock Clock { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public HubSetup Setup => new(Grains, Tenant);

    public static async Task<HubCluster> StartAsync(string? postgres = null, Action<HubOptions>? configure = null, CallFaults? faults = null)
    {
        var clock = new ManualClock();
        var cluster = new TestCluster(
            options =>
            {
                options.Storage = postgres is null ? StorageKind.Memory : StorageKind.Postgres;
                options.PostgresConnectionString = postgres;
                options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
                options.ResponseTimeout = TimeSpan.FromSeconds(60);
            },
            silo => silo.AddOrderHubGrains(),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                if (faults is not null)
                {
                    services.AddSingleton<IIncomingGrainCallFilter>(faults);
                }
                services.AddOptions<HubOptions>().Configure(o => configure?.Invoke(o));
            });
        await cluster.StartSiloAsync();
        return new HubCluster(cluster, clock);
    }

    public IOrderGrain Order(string orderId) => Grains.GetGrain<IOrderGrain>($"{Tenant}/{orderId}");

    public Task<AuditReport> AuditAsync(IEnumerable<string>? orders = null) =>
        Cluster.Primary.Services.GetRequiredService<InventoryAudit>().RunAsync(Tenant, orders);

    /// <summary>Waits until none of the orders is still between payment and allocation.</summary>
    public async Task<IReadOnlyList<OrderRecord>> SettleAsync(IEnumerable<string> orderIds, TimeSpan? within = null)
    {
        List<string> ids = orderIds.ToList();
        DateTime deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            OrderRecord?[] orders = await Task.WhenAll(ids.Select(id => Order(id).GetAsync()));
            if (orders.All(o => o is not null && o.Status is not (OrderStatus.Paid or OrderStatus.Reserved)))
            {
                return orders!;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{orders.Count(o => o?.Status is OrderStatus.Paid or OrderStatus.Reserved)} of {ids.Count} orders still unsettled");
            }
            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
