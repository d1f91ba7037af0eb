using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderActors.Runtime.Cluster;
using OrderActors.Runtime.Cluster.Transport;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Hosting;
using OrderActors.Runtime.Invocation;
using OrderActors.Runtime.Postgres;
using OrderActors.Runtime.Reminders;
using OrderActors.Runtime.Storage;

namespace OrderActors.Runtime;

/// <summary>Wires a silo into a host's service collection.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>Adds one silo. Configure storage and timeouts with <paramref name="configure"/>, grains with the returned builder.</summary>
    public static SiloBuilder AddOrderActorsSilo(this IServiceCollection services, Action<SiloOptions> configure)
    {
        var builder = new SiloBuilder(services);
        services.AddOptions<SiloOptions>().Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new GrainTypeRegistry(builder.GrainClasses.Distinct()));
        services.AddSingleton<Catalog>();
        services.AddSingleton<ResponseTracker>();
        services.AddSingleton(sp => new GrainCallRouter(
            sp.GetRequiredService<Catalog>(),
            sp.GetRequiredService<ResponseTracker>(),
            sp.GetRequiredService<IGrainOwnership>(),
            sp.GetRequiredService<IOptions<SiloOptions>>().Value,
            ClusterEnabled(sp) ? sp.GetRequiredService<SiloTransport>() : null));
        services.AddSingleton<IGrainCallRouter>(sp => sp.GetRequiredService<GrainCallRouter>());
        services.AddSingleton<GrainFactory>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<GrainActivator>();
        services.AddSingleton(sp => new ActivationServices(
            sp.GetRequiredService<IOptions<SiloOptions>>().Value,
            sp.GetRequiredService<Catalog>(),
            sp.GetRequiredService<GrainActivator>(),
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<ReminderService>(),
            sp.GetServices<IIncomingGrainCallFilter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ActivationData>>()));
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ActivationCollector>();
        services.AddSingleton<ClusterMembership>();
        services.AddSingleton<SiloTransport>();
        services.AddSingleton<ClusterAgent>();
        services.AddSingleton<ILocalSiloDetails, LocalSiloDetails>();
        services.AddSingleton<IClusterInfo, ClusterInfo>();
        services.AddSingleton<IGrainOwnership>(sp => ClusterEnabled(sp)
            ? sp.GetRequiredService<ClusterMembership>()
            : new SingleSiloOwnership());
        services.AddSingleton<ISchemaScriptSource>(new EmbeddedSchemaScripts(typeof(Silo).Assembly, SchemaMigrator.RuntimeComponent));
        services.AddSingleton(sp => CreateDataSource(sp.GetRequiredService<IOptions<SiloOptions>>().Value, multiplexing: true));
        services.AddSingleton(sp => new SessionDataSource(CreateDataSource(sp.GetRequiredService<IOptions<SiloOptions>>().Value, multiplexing: false)));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<IOptions<SiloOptions>>().Value.Storage == StorageKind.Postgres
            ? new PostgresGrainStorage(sp.GetRequiredService<NpgsqlDataSource>())
            : new MemoryGrainStorage());
        services.AddSingleton<IGrainJournalStorage>(sp => sp.GetRequiredService<IOptions<SiloOptions>>().Value.Storage == StorageKind.Postgres
            ? new PostgresGrainJournalStorage(sp.GetRequiredService<NpgsqlDataSource>())
            : new MemoryGrainJournalStorage());
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<IOptions<SiloOptions>>().Value.Storage == StorageKind.Postgres
            ? new PostgresReminderTable(sp.GetRequiredService<NpgsqlDataSource>())
            : new MemoryReminderTable());
        services.AddHostedService<Silo>();
        return builder;
    }

    /// <summary>Refuses configurations that cannot work, with the setting to change.</summary>
    internal static void Validate(SiloOptions options)
    {
        if (options.Cluster.Enabled && options.Storage != StorageKind.Postgres)
        {
            throw new InvalidOperationException("Silo:Cluster:Enabled needs Silo:Storage = Postgres: membership, state and reminders are shared through PostgreSQL.");
        }
        if (options.JournalSnapshotInterval < 1)
        {
            throw new InvalidOperationException("Silo:JournalSnapshotInterval must be at least 1.");
        }
        if (options.ResponseTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Silo:ResponseTimeout must be positive.");
        }
    }

    private const int MultiplexedPoolSize = 16;

    private static bool ClusterEnabled(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SiloOptions>>().Value.Cluster.Enabled;

    private static NpgsqlDataSource CreateDataSource(SiloOptions options, bool multiplexing) =>
        NpgsqlDataSource.Create(ConnectionSettings(options, multiplexing).ConnectionString);

    /// <summary>The connection string as given, with the defaults a silo needs where it leaves them open.</summary>
    internal static NpgsqlConnectionStringBuilder ConnectionSettings(SiloOptions options, bool multiplexing)
    {
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new InvalidOperationException("Silo:PostgresConnectionString is required for PostgreSQL storage.");
        }
        // Many grains write small rows at once: multiplexing pipelines their commands over fewer connections.
        var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString) { Multiplexing = multiplexing };
        if (builder.MaxAutoPrepare == 0)
        {
            // The same few statements run all the time: prepared once per connection, PostgreSQL skips parsing and planning them.
            builder.MaxAutoPrepare = 32;
        }
        if (!multiplexing)
        {
            builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, 10);
        }
        else if (!SetsPoolSize(options.PostgresConnectionString))
        {
            // Multiplexed commands share connections, so a few suffice; many backends on a small server spend its cores
            // switching between them (scripts/bench.sh on 2 cores: 16 beat Npgsql's 100 by ~10% placing orders and on a hot SKU).
            builder.MaxPoolSize = MultiplexedPoolSize;
        }
        return builder;
    }

    private static bool SetsPoolSize(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .Any(key => key.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase) || key.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase));
    }
}
