using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Persistence.Journal;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace OrderActors.Persistence.Tests.Support;

/// <summary>Wires a test silo exactly as the hub does, with shorter periods so tests see reminders, heartbeats and failures quickly.</summary>
public sealed class HubSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        string connectionString = siloBuilder.Configuration[HubClusterFixture.ConnectionStringKey]!;
        siloBuilder.UseHubPostgres(connectionString).UseHubPostgresClustering(connectionString);
        siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });
        siloBuilder.Services.Configure<HubJournalOptions>(o => o.JournalSnapshotInterval = JournalSnapshotInterval);
        siloBuilder.Services.Configure<StreamPullingAgentOptions>(HubPersistence.StreamProvider, o => o.MaxEventDeliveryTime = TimeSpan.FromSeconds(3));
    }

    /// <summary>Small, so the tests see snapshots after a dozen events.</summary>
    public const int JournalSnapshotInterval = 5;
}

/// <summary>The test client finds gateways in PostgreSQL, as external clients of the hub do.</summary>
public sealed class HubClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.UseHubPostgresClustering(configuration[HubClusterFixture.ConnectionStringKey]!);
        clientBuilder.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
    }
}
