using Npgsql;

namespace OrderActors.Testing;

/// <summary>
/// A fresh, empty database on the PostgreSQL server named by ORDERACTORS_TEST_PG (an admin connection
/// string the test script sets), dropped again on dispose. The silo builds the schema from its .sql files.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "ORDERACTORS_TEST_PG";

    private readonly string _adminConnectionString;

    private PostgresTestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The admin connection string, or null when PostgreSQL tests cannot run here.</summary>
    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Creates the database on the server named by <paramref name="adminConnectionString"/> (default: ORDERACTORS_TEST_PG).</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string prefix = "oa_test", string? adminConnectionString = null)
    {
        string admin = adminConnectionString ?? AdminConnectionString ?? throw new InvalidOperationException(
            $"{EnvironmentVariable} is not set: run the tests through scripts/test.sh, which starts a private PostgreSQL.");
        string name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new PostgresTestDatabase(admin, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
