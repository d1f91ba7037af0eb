using Npgsql;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Reminders;

/// <summary>Reminders in the <c>reminders</c> table.</summary>
internal sealed class PostgresReminderTable(NpgsqlDataSource dataSource) : IReminderTable
{
    public async Task UpsertAsync(ReminderRow row)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            """
            INSERT INTO reminders (grain_type, grain_key, reminder_name, first_due_at, period_ms, last_fired_at)
            VALUES ($1, $2, $3, $4, $5, NULL)
            ON CONFLICT (grain_type, grain_key, reminder_name)
            DO UPDATE SET first_due_at = excluded.first_due_at, period_ms = excluded.period_ms, last_fired_at = NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = row.GrainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = row.GrainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = row.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = row.FirstDueAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)row.Period.TotalMilliseconds });
        await command.ExecuteNonQueryAsync();
    }

    public async Task DeleteAsync(GrainId grainId, string name)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<ReminderRow>> ReadAllAsync()
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "SELECT grain_type, grain_key, reminder_name, first_due_at, period_ms, last_fired_at FROM reminders");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        var rows = new List<ReminderRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ReminderRow(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero)));
        }
        return rows;
    }

    public async Task MarkFiredAsync(GrainId grainId, string name, DateTimeOffset firedAt)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "UPDATE reminders SET last_fired_at = $4 WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = firedAt.UtcDateTime });
        await command.ExecuteNonQueryAsync();
    }
}
