using Npgsql;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Postgres;
using OrderActors.Runtime.Storage;
using OrderActors.Runtime.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrderActors.Runtime.Tests;

/// <summary>Both storages keep the same ETag rules: first write, stale write, clear, tombstone.</summary>
public sealed class GrainStorageContractTests
{
    [Fact]
    public Task MemoryStorageKeepsTheEtagContract() => AssertContractAsync(new MemoryGrainStorage());

    [PostgresFact]
    public async Task PostgresStorageKeepsTheEtagContract()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new SchemaMigrator(new SessionDataSource(dataSource), [new EmbeddedSchemaScripts(typeof(PostgresGrainStorage).Assembly, "runtime")], NullLogger<SchemaMigrator>.Instance)
            .ApplyAsync(CancellationToken.None);

        await AssertContractAsync(new PostgresGrainStorage(dataSource));
    }

    [PostgresFact]
    public async Task ApplyingTheSchemaTwiceIsHarmless()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var migrator = new SchemaMigrator(new SessionDataSource(dataSource), [new EmbeddedSchemaScripts(typeof(PostgresGrainStorage).Assembly, "runtime")], NullLogger<SchemaMigrator>.Instance);

        await Task.WhenAll(migrator.ApplyAsync(CancellationToken.None), migrator.ApplyAsync(CancellationToken.None));
        await migrator.ApplyAsync(CancellationToken.None);

        int scripts = new EmbeddedSchemaScripts(typeof(PostgresGrainStorage).Assembly, "runtime").GetScripts().Count();
        await using NpgsqlCommand count = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations WHERE component = 'runtime'");
        Assert.Equal((long)scripts, await count.ExecuteScalarAsync());
    }

    private static async Task AssertContractAsync(IGrainStorage storage)
    {
        var id = new GrainId("contract", "t/1");
        Assert.Equal(default, await storage.ReadAsync(id, "s"));

        string first = await storage.WriteAsync(id, "s", """{"n":1}""", etag: null);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(id, "s", """{"n":2}""", etag: null));
        string second = await storage.WriteAsync(id, "s", """{"n":2}""", first);
        InconsistentStateException stale = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(id, "s", """{"n":3}""", first));
        Assert.Equal(second, stale.StoredEtag);

        StoredState read = await storage.ReadAsync(id, "s");
        Assert.Equal(second, read.Etag);
        Assert.Contains("2", read.Json);

        string? cleared = await storage.ClearAsync(id, "s", second);
        StoredState afterClear = await storage.ReadAsync(id, "s");
        Assert.Null(afterClear.Json);
        Assert.Equal(cleared, afterClear.Etag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(id, "s", "{}", etag: null));
        await storage.WriteAsync(id, "s", """{"n":4}""", cleared);
        Assert.Equal(default, await storage.ReadAsync(id, "other-state"));
    }
}
