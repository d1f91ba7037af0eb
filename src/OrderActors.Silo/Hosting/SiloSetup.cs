using System.Net;
using System.Net.Sockets;
using OrderActors.Grains;
using OrderActors.Persistence;
using OrderActors.Persistence.Journal;
using OrderActors.Silo.Hosting.Filters;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace OrderActors.Silo.Hosting;

/// <summary>
/// An Orleans silo co-hosted in the web host: storage, reminders and streams on PostgreSQL through the ADO.NET
/// providers (or in memory), membership on PostgreSQL in cluster mode (else a lone silo), the hub's grains,
/// call filters and the Orleans Dashboard. Orleans' own options come from subsections of "Silo".
/// </summary>
public static class SiloSetup
{
    public static WebApplicationBuilder AddOrderHubSilo(this WebApplicationBuilder builder)
    {
        IConfigurationSection section = builder.Configuration.GetSection("Silo");
        HubSiloOptions options = section.Get<HubSiloOptions>() ?? new HubSiloOptions();
        builder.Services.Configure<HubSiloOptions>(section);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            silo.Configure<SiloOptions>(o => o.SiloName = options.SiloName ?? o.SiloName);
            silo.Configure<SiloMessagingOptions>(section.GetSection("Messaging"));
            silo.Configure<GrainCollectionOptions>(section.GetSection("Collection"));
            silo.Configure<ReminderOptions>(section.GetSection("Reminders"));
            silo.Configure<ClusterMembershipOptions>(section.GetSection("Membership"));
            silo.Configure<HubJournalOptions>(section);
            UseStorage(silo, options);
            UseMembership(silo, options);
            silo.AddOrderHubGrains();
            silo.Services.AddHubSchema(typeof(SiloSetup).Assembly, "facade");
            silo.AddIncomingGrainCallFilter<GrainCallLogging>();
            silo.AddIncomingGrainCallFilter<GrainCallMetrics>();
            silo.AddDashboard();
        });
        builder.Services.AddOptions<HubOptions>().Bind(builder.Configuration.GetSection("Hub"));
        builder.Services.AddSingleton<ClusterView>();
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        return builder;
    }

    private static void UseStorage(ISiloBuilder silo, HubSiloOptions options)
    {
        if (options.Storage == StorageKind.Postgres)
        {
            silo.UseHubPostgres(options.PostgresConnectionString
                ?? throw new InvalidOperationException("Silo:PostgresConnectionString is required when Silo:Storage is Postgres."));
        }
        else
        {
            silo.UseHubMemory();
        }
    }

    private static void UseMembership(ISiloBuilder silo, HubSiloOptions options)
    {
        ClusterEndpointOptions cluster = options.Cluster;
        int siloPort = cluster.SiloPort == 0 ? FreePort() : cluster.SiloPort;
        if (cluster.Enabled)
        {
            if (options.Storage != StorageKind.Postgres)
            {
                throw new InvalidOperationException("Silo:Cluster:Enabled needs Silo:Storage Postgres: membership lives in PostgreSQL.");
            }
            silo.UseHubPostgresClustering(options.PostgresConnectionString!);
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedHost), siloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, cluster.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }
    }

    /// <summary>A port nobody listens on now, for a lone silo whose port does not matter.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
