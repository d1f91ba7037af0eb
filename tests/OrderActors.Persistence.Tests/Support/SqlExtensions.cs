using Npgsql;

namespace OrderActors.Persistence.Tests.Support;

/// <summary>Small helpers for looking at and tampering with the test database.</summary>
public static class SqlExtensions
{
    public static async Task<T?> ScalarAsync<T>(this NpgsqlDataSource sql, string text, params (string Name, object? Value)[] parameters)
    {
        await using NpgsqlCommand command = Command(sql, text, parameters);
        object? value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlDataSource sql, string text, params (string Name, object? Value)[] parameters)
    {
        await using NpgsqlCommand command = Command(sql, text, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The text Orleans runs for <paramref name="queryKey"/>.</summary>
    public static async Task<string> QueryTextAsync(this NpgsqlDataSource sql, string queryKey) =>
        await sql.ScalarAsync<string>("SELECT querytext FROM orleansquery WHERE querykey = @key", ("key", queryKey))
        ?? throw new InvalidOperationException($"No query {queryKey}.");

    private static NpgsqlCommand Command(NpgsqlDataSource sql, string text, (string Name, object? Value)[] parameters)
    {
        NpgsqlCommand command = sql.CreateCommand(text);
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }
}
