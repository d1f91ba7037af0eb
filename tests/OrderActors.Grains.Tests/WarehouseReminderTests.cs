using Npgsql;
using OrderActors.Grains.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Grains.Tests;

/// <summary>
/// Every defined warehouse keeps its minute "watch" reminder (carrier silence, cool-down), also one whose
/// reminder row is gone: the move to Orleans dropped the old runtime's reminders table.
/// </summary>
public sealed class WarehouseReminderTests
{
    [PostgresFact]
    public async Task AWarehouseWhoseReminderRowIsGoneRegistersItAgainWhenItActivates()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using HubCluster hub = await HubCluster.StartAsync(database.ConnectionString);
        await hub.Setup.WarehouseAsync("WH-HZ", HubSetup.Hangzhou);
        Assert.Equal(1, await WatchRemindersAsync(database));

        await ExecuteAsync(database, "DELETE FROM orleans_reminders WHERE grain_id LIKE '%WH-HZ%'");
        await hub.CollectIdleActivationsAsync();
        Assert.Equal(0, await WatchRemindersAsync(database));
        Assert.NotNull(await hub.Setup.Warehouse("WH-HZ").GetAsync());

        Assert.Equal(1, await WatchRemindersAsync(database));
    }

    private static async Task<long> WatchRemindersAsync(PostgresTestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE '%WH-HZ%' AND reminder_name = 'watch'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(PostgresTestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
