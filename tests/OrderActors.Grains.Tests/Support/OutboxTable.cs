using Npgsql;

namespace OrderActors.Grains.Tests.Support;

/// <summary>The <c>hub_events</c> outbox read and written directly, as the trigger writes it.</summary>
public sealed class OutboxTable(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>The tenant's rows per kind.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(string tenant)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("SELECT kind, count(*) FROM hub_events WHERE tenant = $1 GROUP BY kind");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    public async Task<long> MaxSeqAsync(string tenant)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("SELECT coalesce(max(seq), 0) FROM hub_events WHERE tenant = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Appends a row and answers its sequence number; on <paramref name="connection"/> when given (inside its open transaction).</summary>
    public async Task<long> AppendAsync(string tenant, string kind, string subject, NpgsqlConnection? connection = null)
    {
        const string Sql = "INSERT INTO hub_events (tenant, kind, subject, data) VALUES ($1, $2, $3, jsonb_build_object('subject', $3::text)) RETURNING seq";
        await using NpgsqlCommand command = connection is null ? _dataSource.CreateCommand(Sql) : new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask<NpgsqlConnection> OpenAsync() => _dataSource.OpenConnectionAsync();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
