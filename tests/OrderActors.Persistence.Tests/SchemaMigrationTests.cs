using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderActors.Persistence.Schema;
using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Persistence.Tests;

/// <summary>The versioned migrations: applied once, in the right order, and upgrading the old runtime's databases in place.</summary>
public sealed class SchemaMigrationTests
{
    private const int RuntimeScripts = 11;
    private const int QueryKeys = 25;

    [PostgresFact]
    public async Task SilosStartingTogetherApplyEveryScriptOnce()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_schema");
        await using NpgsqlDataSource sql = NpgsqlDataSource.Create(database.ConnectionString);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => MigrateAsync(database.ConnectionString, RuntimeSources())));

        Assert.Equal(RuntimeScripts, await sql.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE component = 'runtime'"));
        Assert.Equal(QueryKeys, await sql.ScalarAsync<long>("SELECT count(*) FROM orleansquery"));
    }

    [PostgresFact]
    public async Task TheRuntimesScriptsApplyBeforeAComponentThatSortsEarlierAndUsesThem()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_schema");
        await using NpgsqlDataSource sql = NpgsqlDataSource.Create(database.ConnectionString);
        ServiceProvider services = new ServiceCollection()
            .AddHubSchema(typeof(SchemaMigrationTests).Assembly, "aardvark")
            .AddHubSchema(typeof(HubPersistence).Assembly, HubPersistence.SchemaComponent)
            .BuildServiceProvider();

        await MigrateAsync(database.ConnectionString, services.GetServices<ISchemaScriptSource>());
        await sql.ExecuteAsync("INSERT INTO grain_state (grain_type, grain_key, state_name, version) VALUES ('order', 'acme/1', 'order', 1)");

        Assert.Equal(1L, await sql.ScalarAsync<long>("SELECT count(*) FROM test_audit WHERE grain_type = 'order' AND grain_key = 'acme/1'"));
    }

    [PostgresFact]
    public async Task AnOldRuntimeDatabaseUpgradesInPlaceAndKeepsItsGrainState()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_schema");
        await using NpgsqlDataSource sql = NpgsqlDataSource.Create(database.ConnectionString);
        await MigrateAsync(database.ConnectionString, [new OldRuntimeScripts()]);
        await sql.ExecuteAsync(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload)
            VALUES ('order', 'acme/42', 'order', 9, '{"order": {"orderId": "42", "status": "Paid"}}');
            INSERT INTO reminders (grain_type, grain_key, reminder_name, first_due_at, period_ms)
            VALUES ('order', 'acme/42', 'escalate', now(), 60000);
            """);

        await MigrateAsync(database.ConnectionString, RuntimeSources());

        Assert.Equal(9L, await sql.ScalarAsync<long>("SELECT version FROM grain_state WHERE grain_key = 'acme/42'"));
        Assert.Equal("Paid", await sql.ScalarAsync<string>("SELECT payload->'order'->>'status' FROM grain_state WHERE grain_key = 'acme/42'"));
        Assert.Null(await sql.ScalarAsync<string>("SELECT to_regclass('reminders')::text"));
        Assert.Null(await sql.ScalarAsync<string>("SELECT to_regclass('cluster_members')::text"));
        Assert.Equal(RuntimeScripts, await sql.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE component = 'runtime'"));
        Assert.Equal(QueryKeys, await sql.ScalarAsync<long>("SELECT count(*) FROM orleansquery"));
    }

    [Fact]
    public void TheRuntimeComponentSortsFirstThenComponentsByNameThenVersions()
    {
        SchemaScript[] scripts =
        [
            new("orderhub", 1, "b", ""), new("runtime", 2, "r2", ""), new("facade", 1, "f", ""), new("runtime", 1, "r1", ""),
            new("aardvark", 2, "a2", ""), new("aardvark", 1, "a1", ""),
        ];

        Assert.Equal(["r1", "r2", "a1", "a2", "f", "b"], SchemaMigrator.Order(scripts).Select(s => s.Name));
    }

    private static ISchemaScriptSource[] RuntimeSources() => [new EmbeddedSchemaScripts(typeof(HubPersistence).Assembly, HubPersistence.SchemaComponent)];

    private static async Task MigrateAsync(string connectionString, IEnumerable<ISchemaScriptSource> sources)
    {
        await using var sessions = new SessionDataSource(NpgsqlDataSource.Create(connectionString));
        await new SchemaMigrator(sessions, sources, NullLogger<SchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);
    }

    /// <summary>The scripts the retired runtime had applied (001–005), under the same component name.</summary>
    private sealed class OldRuntimeScripts : ISchemaScriptSource
    {
        public IEnumerable<SchemaScript> GetScripts() => RuntimeSources()[0].GetScripts().Where(s => s.Version <= 5);
    }
}
