using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrderActors.Abstractions.Orders;
using OrderActors.Silo.Api.Contracts;

namespace OrderActors.Silo.Projections;

/// <summary>Queries <c>order_summaries</c>, which the orderhub trigger keeps in step with every order write.</summary>
public sealed class PostgresOrderProjection(NpgsqlDataSource dataSource) : IOrderProjection
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PageResponse<OrderSummaryResponse>> QueryAsync(OrderQuery query)
    {
        const string Filter = """
            WHERE tenant = $1
              AND ($2::text IS NULL OR status = $2)
              AND ($3::text IS NULL OR channel = $3)
              AND ($4::text IS NULL OR warehouse_ids @> ARRAY[$4])
              AND ($5::text IS NULL OR hold_codes @> ARRAY[$5])
              AND ($6::timestamptz IS NULL OR created_at >= $6)
              AND ($7::timestamptz IS NULL OR created_at < $7)
              AND ($8::text[] IS NULL OR warehouse_ids && $8)
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"SELECT count(*) FROM order_summaries {Filter}", query),
                Command($"""
                    SELECT order_id, channel, external_order_id, status, amount_fen, warehouse_ids, hold_codes, reroutes, created_at, updated_at, holds::text
                    FROM order_summaries {Filter}
                    ORDER BY received_at DESC, order_id
                    LIMIT $9 OFFSET $10
                    """, query, (query.PageSize, NpgsqlDbType.Integer), ((query.Page - 1) * (long)query.PageSize, NpgsqlDbType.Bigint)),
            },
        };
        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        long total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var items = new List<OrderSummaryResponse>();
        while (await reader.ReadAsync())
        {
            OrderStatus status = Enum.Parse<OrderStatus>(reader.GetString(3));
            items.Add(new OrderSummaryResponse(reader.GetString(0), reader.GetString(1), reader.GetString(2), status,
                CustomerStatuses.LabelOf(status), reader.GetInt64(4), reader.GetFieldValue<string[]>(5),
                reader.GetFieldValue<string[]>(6), JsonSerializer.Deserialize<List<SummaryHold>>(reader.GetString(10), Json)!,
                reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9)));
        }
        return new PageResponse<OrderSummaryResponse>(items, query.Page, query.PageSize, total);
    }

    public async Task<OrderStats> StatsAsync(string tenant)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Tenant("SELECT status, count(*) FROM order_summaries WHERE tenant = $1 GROUP BY status", tenant),
                Tenant("""
                    SELECT count(*), count(*) FILTER (WHERE received_at > now() - interval '1 minute'), coalesce(sum(reroutes), 0)
                    FROM order_summaries WHERE tenant = $1
                    """, tenant),
                Tenant("""
                    SELECT code, count(*) FROM order_summaries, unnest(hold_codes) AS code
                    WHERE tenant = $1 GROUP BY code
                    """, tenant),
            },
        };
        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync();
        var byStatus = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            byStatus[reader.GetString(0)] = reader.GetInt64(1);
        }
        await reader.NextResultAsync();
        await reader.ReadAsync();
        (long total, long lastMinute, long reroutes) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        await reader.NextResultAsync();
        var holds = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            holds[reader.GetString(0)] = reader.GetInt64(1);
        }
        return new OrderStats(byStatus, total, lastMinute, byStatus.GetValueOrDefault(nameof(OrderStatus.OnHold)), holds, reroutes);
    }

    public async Task<IReadOnlyList<(string Tenant, string OrderId)>> StuckAsync(DateTimeOffset olderThan, int limit)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "SELECT tenant, order_id FROM order_summaries WHERE status IN ('Paid', 'Reserved') AND updated_at < $1 LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = olderThan.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        var stuck = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            stuck.Add((reader.GetString(0), reader.GetString(1)));
        }
        return stuck;
    }

    public async Task<IReadOnlyList<string>> HoldingStockAsync(string tenant)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "SELECT order_id FROM order_summaries WHERE tenant = $1 AND status IN ('Reserved', 'Allocated')");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public async Task<long> RebuildAsync()
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("SELECT orderhub_rebuild_projection()");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static NpgsqlBatchCommand Tenant(string sql, string tenant) => new(sql) { Parameters = { new NpgsqlParameter { Value = tenant } } };

    private static NpgsqlBatchCommand Command(string sql, OrderQuery q, params (object Value, NpgsqlDbType Type)[] extra)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = q.Tenant });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)q.Status?.ToString() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)q.Channel?.ToString().ToLowerInvariant() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)q.WarehouseId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)q.HoldCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)q.From?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)q.To?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = (object?)q.WithinWarehouses?.ToArray() ?? DBNull.Value });
        foreach ((object value, NpgsqlDbType type) in extra)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value });
        }
        return command;
    }
}
