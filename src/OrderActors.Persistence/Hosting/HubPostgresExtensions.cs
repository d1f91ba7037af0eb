using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrderActors.Persistence.Hosting;
using OrderActors.Persistence.Journal;
using OrderActors.Persistence.Schema;
using OrderActors.Persistence.Storage;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace OrderActors.Persistence;

public static class HubPostgresExtensions
{
    /// <summary>
    /// Everything durable on PostgreSQL: the schema migrations (before any provider starts), grain state in
    /// grain_state through the ADO.NET provider behind <see cref="HubGrainStorage"/> (the default storage), ADO.NET
    /// reminders, ADO.NET streams named <see cref="HubPersistence.StreamProvider"/>,
    /// and the journal. The providers' <see cref="NpgsqlDataSource"/> is a DI singleton others may use.
    /// </summary>
    public static ISiloBuilder UseHubPostgres(this ISiloBuilder silo, string connectionString)
    {
        IServiceCollection services = silo.Services;
        services.AddHubDataSources(connectionString);
        services.AddHubSchema(typeof(HubPersistence).Assembly, HubPersistence.SchemaComponent);
        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>());

        services.AddAdoNetGrainStorage(HubPersistence.AdoNetStorage, options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = HubPersistence.Invariant;
            o.DataSource = dataSource;
        }));
        services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, CreateHubGrainStorage);
        silo.UseHubJsonGrainStorageSerializer();

        silo.UseAdoNetReminderService(options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = HubPersistence.Invariant;
            o.DataSource = dataSource;
        }));
        silo.AddAdoNetStreams(HubPersistence.StreamProvider, streams =>
        {
            streams.ConfigureAdoNet(options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
            {
                o.Invariant = HubPersistence.Invariant;
                o.DataSource = dataSource;
            }));
            streams.ConfigureStreamPubSub(HubPersistence.StreamPubSub);
        });

        services.AddHubJournal<PostgresGrainJournalStorage>();
        return silo;
    }

    /// <summary>Orleans membership on PostgreSQL (cluster mode; a single silo uses localhost clustering instead).</summary>
    public static ISiloBuilder UseHubPostgresClustering(this ISiloBuilder silo, string connectionString)
    {
        silo.Services.AddHubDataSources(connectionString);
        return silo.UseAdoNetClustering(options => options.Configure<NpgsqlDataSource>((o, dataSource) =>
        {
            o.Invariant = HubPersistence.Invariant;
            o.DataSource = dataSource;
        }));
    }

    /// <summary>Finds the cluster's gateways in PostgreSQL (external clients, tests).</summary>
    public static IClientBuilder UseHubPostgresClustering(this IClientBuilder client, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = HubPersistence.Invariant;
            o.ConnectionString = connectionString;
        });
    }

    private static HubGrainStorage CreateHubGrainStorage(IServiceProvider services, string name) =>
        new(services.GetRequiredKeyedService<IGrainStorage>(HubPersistence.AdoNetStorage));
}
