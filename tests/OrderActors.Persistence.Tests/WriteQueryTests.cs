using Npgsql;
using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Persistence.Tests;

/// <summary>
/// The persistence SQL itself, run with the provider's parameters: Orleans accepts a first write (no ETag) that
/// returns no row, so every write must return exactly one row, NULL when it did not happen.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class WriteQueryTests(SharedClusterFixture fixture)
{
    [PostgresFact]
    public async Task AFirstWriteThatLosesAnInsertRaceReturnsOneRowWithNull()
    {
        string write = await fixture.Sql.QueryTextAsync("WriteToStorageKey");
        await using NpgsqlConnection winner = await fixture.Sql.OpenConnectionAsync();
        await using NpgsqlConnection loser = await fixture.Sql.OpenConnectionAsync();
        await using NpgsqlTransaction winning = await winner.BeginTransactionAsync();
        Assert.Equal([1], await StorageQuery.RunAsync(winner, winning, write, "alphavalue/race/1", "value", null, """{"value": "winner"}"""));

        // The second insert waits on the first's uncommitted row, then finds it taken.
        Task<List<int?>> losing = StorageQuery.RunAsync(loser, null, write, "alphavalue/race/1", "value", null, """{"value": "loser"}""");
        await Task.Delay(200);
        Assert.False(losing.IsCompleted);
        await winning.CommitAsync();

        Assert.Equal([null], await losing);
        Assert.Equal("winner", await fixture.Sql.ScalarAsync<string>(
            "SELECT payload->>'value' FROM grain_state WHERE grain_type = 'alphavalue' AND grain_key = 'race/1'"));
    }

    [PostgresFact]
    public async Task AWriteWithAStaleETagReturnsOneRowWithNullAndAFreshOneTheNextVersion()
    {
        string write = await fixture.Sql.QueryTextAsync("WriteToStorageKey");
        await using NpgsqlConnection connection = await fixture.Sql.OpenConnectionAsync();
        await StorageQuery.RunAsync(connection, null, write, "alphavalue/race/2", "value", null, """{"value": "v1"}""");

        Assert.Equal([null], await StorageQuery.RunAsync(connection, null, write, "alphavalue/race/2", "value", 7, """{"value": "stale"}"""));
        Assert.Equal([2], await StorageQuery.RunAsync(connection, null, write, "alphavalue/race/2", "value", 1, """{"value": "v2"}"""));
    }

    [PostgresFact]
    public async Task AClearWithAStaleETagReturnsNoRow()
    {
        string write = await fixture.Sql.QueryTextAsync("WriteToStorageKey");
        string clear = await fixture.Sql.QueryTextAsync("ClearStorageKey");
        await using NpgsqlConnection connection = await fixture.Sql.OpenConnectionAsync();
        await StorageQuery.RunAsync(connection, null, write, "alphavalue/race/3", "value", null, """{"value": "v1"}""");

        Assert.Empty(await StorageQuery.RunAsync(connection, null, clear, "alphavalue/race/3", "value", 5));
        Assert.Equal([2], await StorageQuery.RunAsync(connection, null, clear, "alphavalue/race/3", "value", 1));
    }

    [PostgresFact]
    public async Task AKeyWithoutItsGrainTypeIsRejected()
    {
        string read = await fixture.Sql.QueryTextAsync("ReadFromStorageKey");
        await using NpgsqlConnection connection = await fixture.Sql.OpenConnectionAsync();

        PostgresException error = await Assert.ThrowsAsync<PostgresException>(() => StorageQuery.RunAsync(connection, null, read, "unqualified", "value", null));
        Assert.Contains("not qualified with its grain type", error.MessageText, StringComparison.Ordinal);
    }
}
