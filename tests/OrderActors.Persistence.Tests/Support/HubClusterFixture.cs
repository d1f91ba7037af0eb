using Npgsql;
using OrderActors.Testing;
using Orleans.TestingHost;

namespace OrderActors.Persistence.Tests.Support;

/// <summary>
/// A fresh database and an Orleans TestCluster on it, with the hub's real PostgreSQL providers (ADO.NET
/// clustering, storage, reminders, streams) and no test-cluster membership. TestCluster gives the cluster its
/// own ClusterId and ServiceId.
/// </summary>
public abstract class HubClusterFixture(int silos) : IAsyncLifetime
{
    public const string ConnectionStringKey = "HubTests:ConnectionString";

    private PostgresTestDatabase? _database;
    private TestCluster? _cluster;
    private NpgsqlDataSource? _sql;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster did not start.");

    public PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("The database was not created.");

    /// <summary>The test's own connections to the cluster's database, to look at rows and to tamper with them.</summary>
    public NpgsqlDataSource Sql => _sql ?? throw new InvalidOperationException("The database was not created.");

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.SkipReason() is not null)
        {
            return;
        }
        SqlRecorder.Start();
        _database = await PostgresTestDatabase.CreateAsync("oa_persist");
        _sql = NpgsqlDataSource.Create(_database.ConnectionString);
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionStringKey] = _database.ConnectionString;
        builder.AddSiloBuilderConfigurator<HubSiloConfigurator>();
        builder.AddClientBuilderConfigurator<HubClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Stops every silo, starts <paramref name="silos"/> new ones on the same database and cluster, and reconnects the client.</summary>
    public async Task RestartAllSilosAsync(int silos)
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.StartAdditionalSilosAsync(silos);
        await Cluster.InitializeClientAsync();
    }

    /// <summary>Starts silos until <paramref name="silos"/> are running (a test before may have killed one).</summary>
    public async Task EnsureSilosAsync(int silos)
    {
        int missing = silos - Cluster.GetActiveSilos().Count();
        if (missing > 0)
        {
            await Cluster.StartAdditionalSilosAsync(missing);
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
        if (_sql is not null)
        {
            await _sql.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>Two silos shared by the tests that leave the cluster as they found it.</summary>
public sealed class SharedClusterFixture() : HubClusterFixture(2);

/// <summary>Three silos for the tests that stop, restart or kill silos.</summary>
public sealed class RestartClusterFixture() : HubClusterFixture(3);

/// <summary>Two silos whose database no other test touches, for the query-key coverage.</summary>
public sealed class CoverageClusterFixture() : HubClusterFixture(2);

[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<SharedClusterFixture>
{
    public const string Name = "shared cluster";
}

[CollectionDefinition(Name)]
public sealed class RestartCluster : ICollectionFixture<RestartClusterFixture>
{
    public const string Name = "restart cluster";
}

[CollectionDefinition(Name)]
public sealed class CoverageCluster : ICollectionFixture<CoverageClusterFixture>
{
    public const string Name = "coverage cluster";
}
