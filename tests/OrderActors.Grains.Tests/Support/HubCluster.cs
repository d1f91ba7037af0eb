using Npgsql;
using OrderActors.Abstractions.AfterSales;
using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Stock;
using OrderActors.Grains.Audit;
using OrderActors.Persistence;
using OrderActors.Persistence.Storage;
using OrderActors.Testing;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrderActors.Grains.Tests.Support;

/// <summary>
/// An Orleans TestCluster with the hub's grains, in memory or on a given PostgreSQL database (then with
/// PostgreSQL membership), with a hand-moved hub clock. Crashes are tested with real silo processes
/// (tests/OrderActors.Silo.Tests/Cluster): an in-process silo stopped by TestCluster is no crash.
/// </summary>
public sealed class HubCluster : IAsyncDisposable
{
    public const string Tenant = "t1";

    private const string SettingsKey = "HubClusterSettings";

    /// <summary>What a test hands to its silos: silo configurators are created by type, so they look their settings up here.</summary>
    private static readonly ConcurrentDictionary<string, Settings> ById = new();

    private readonly string _id;

    private HubCluster(string id, TestCluster cluster, ManualClock clock)
    {
        _id = id;
        Cluster = cluster;
        Clock = clock;
    }

    public TestCluster Cluster { get; }

    public ManualClock Clock { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The first silo's services (its grain storage, for tests that plant state).</summary>
    public IServiceProvider PrimaryServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public HubSetup Setup => new(Grains, Tenant);

    public static async Task<HubCluster> StartAsync(
        string? postgres = null, Action<HubOptions>? configure = null, CallFaults? faults = null, int silos = 1, StorageFaults? storageFaults = null)
    {
        var clock = new ManualClock();
        string id = Guid.NewGuid().ToString("N");
        ById[id] = new Settings(postgres, configure, faults, clock, storageFaults);
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties[SettingsKey] = id;
        builder.AddSiloBuilderConfigurator<HubSiloConfigurator>();
        if (postgres is not null)
        {
            // One service per database: a cluster started again on it finds the reminders of the one before.
            builder.Options.ServiceId = $"hub-{new NpgsqlConnectionStringBuilder(postgres).Database}";
            builder.Options.UseTestClusterMembership = false;
            builder.Properties["HubClusterPostgres"] = postgres;
            builder.AddClientBuilderConfigurator<HubClientConfigurator>();
        }
        TestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return new HubCluster(id, cluster, clock);
    }

    public IOrderGrain Order(string orderId) => Grains.GetGrain<IOrderGrain>($"{Tenant}/{orderId}");

    /// <summary>Deactivates every idle activation now, so the next call re-activates from storage.</summary>
    public Task CollectIdleActivationsAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public Task<AuditReport> AuditAsync(IEnumerable<string>? orders = null) =>
        new InventoryAudit(Grains, TimeProvider.System).RunAsync(Tenant, orders);

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

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        ById.TryRemove(_id, out _);
    }

    private sealed record Settings(string? Postgres, Action<HubOptions>? Configure, CallFaults? Faults, ManualClock Clock, StorageFaults? StorageFaults);

    private sealed class HubSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            Settings settings = ById[silo.Configuration[SettingsKey]!];
            if (settings.Postgres is null)
            {
                silo.UseHubMemory();
            }
            else
            {
                silo.UseHubPostgres(settings.Postgres);
                silo.UseHubPostgresClustering(settings.Postgres);
            }
            if (settings.StorageFaults is { } storageFaults)
            {
                string inner = settings.Postgres is null ? HubPersistence.MemoryStorage : HubPersistence.AdoNetStorage;
                silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
                    (services, _) => new HubGrainStorage(storageFaults.Around(services.GetRequiredKeyedService<IGrainStorage>(inner))));
            }
            silo.AddOrderHubGrains();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100));
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(60));
            silo.Services.AddKeyedSingleton<TimeProvider>(HubClock.Key, settings.Clock);
            silo.Services.AddSingleton<IReasonClassifier, ShippedReasonClassifier>();
            if (settings.Faults is not null)
            {
                silo.Services.AddSingleton<IIncomingGrainCallFilter>(settings.Faults);
            }
            silo.Services.AddOptions<HubOptions>().Configure(o => settings.Configure?.Invoke(o));
        }
    }

    private sealed class HubClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseHubPostgresClustering(configuration["HubClusterPostgres"]!);
    }
}
