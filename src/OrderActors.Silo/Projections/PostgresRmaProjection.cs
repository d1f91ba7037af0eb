using Npgsql;
using NpgsqlTypes;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Domain.AfterSales;
using OrderActors.Silo.Api.Contracts;

namespace OrderActors.Silo.Projections;

/// <summary>Queries <c>rma_summaries</c>, which a trigger keeps in step with every RMA grain write.</summary>
public sealed class PostgresRmaProjection(NpgsqlDataSource dataSource) : IRmaProjection
{
    public async Task<PageResponse<RmaSummaryResponse>> QueryAsync(RmaQuery query)
    {
        const string Filter = """
            WHERE tenant = $1
              AND ($2::text IS NULL OR status = $2)
              AND ($3::text IS NULL OR reason_code = $3)
              AND ($4::text IS NULL OR kind = $4)
              AND ($5::text IS NULL OR order_id = $5)
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"SELECT count(*) FROM rma_summaries {Filter}", query),
                Command($"""
                    SELECT rma_id, order_id, kind, status, reason_code, reason_source, reason_text, total_fen, created_at, updated_at
                    FROM rma_summaries {Filter}
                    ORDER BY created_at DESC, rma_id
                    LIMIT $6 OFFSET $7
                    """, query, (query.PageSize, NpgsqlDbType.Integer), ((query.Page - 1) * (long)query.PageSize, NpgsqlDbType.Bigint)),
            },
        };
        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        long total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var items = new List<RmaSummaryResponse>();
        while (await reader.ReadAsync())
        {
            items.Add(new RmaSummaryResponse(reader.GetString(0), reader.GetString(1), RmaLifecycle.KindName(Enum.Parse<ReturnKind>(reader.GetString(2))),
                Enum.Parse<RmaStatus>(reader.GetString(3)), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt64(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9)));
        }
        return new PageResponse<RmaSummaryResponse>(items, query.Page, query.PageSize, total);
    }

    public async Task<RmaCountsResponse> CountsAsync(string tenant)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT status, count(*) FROM rma_summaries WHERE tenant = $1 GROUP BY status") { Parameters = { new() { Value = tenant } } },
                new NpgsqlBatchCommand("SELECT reason_code, count(*) FROM rma_summaries WHERE tenant = $1 GROUP BY reason_code ORDER BY count(*) DESC")
                {
                    Parameters = { new() { Value = tenant } },
                },
            },
        };
        await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync();
        Dictionary<string, long> byStatus = Enum.GetNames<RmaStatus>().ToDictionary(s => s, _ => 0L);
        while (await reader.ReadAsync())
        {
            byStatus[reader.GetString(0)] = reader.GetInt64(1);
        }
        await reader.NextResultAsync();
        var byReason = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            byReason[reader.GetString(0)] = reader.GetInt64(1);
        }
        return new RmaCountsResponse(byStatus, byReason);
    }

    public async Task<IReadOnlyList<ReasonCorrection>> CorrectionsAsync()
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "SELECT tenant, rma_id, reason_text, reason_code, updated_at FROM rma_summaries WHERE reason_source = 'operator' ORDER BY updated_at, tenant, rma_id");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        var corrections = new List<ReasonCorrection>();
        while (await reader.ReadAsync())
        {
            corrections.Add(new ReasonCorrection(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return corrections;
    }

    private static NpgsqlBatchCommand Command(string sql, RmaQuery query, params (object Value, NpgsqlDbType Type)[] extra)
    {
        var command = new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new() { Value = query.Tenant },
                new() { Value = (object?)query.Status?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)query.ReasonCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)query.Kind?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)query.OrderId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            },
        };
        foreach ((object value, NpgsqlDbType type) in extra)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        }
        return command;
    }
}
