using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OrderActors.Notifications;

namespace OrderActors.Silo.Notifications;

/// <summary>One outbox row.</summary>
public sealed record OutboxRow(
    long Id, string Tenant, string Channel, long EventSeq, string EventKind, string Subject, IReadOnlyDictionary<string, string> Fields,
    string? Recipient, string Status, int Attempts, string? LastError, DateTimeOffset NextAttemptAt, DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);

/// <summary>A notification to write for a hub event.</summary>
public sealed record OutboxEntry(string Tenant, string Channel, long EventSeq, string EventKind, string Subject, IReadOnlyDictionary<string, string> Fields, string? Recipient);

/// <summary>A hub event as the fan-out reads it.</summary>
public sealed record OutboxEvent(long Seq, string Tenant, string Kind, string Subject, JsonElement Data);

/// <summary>The outbox's statuses.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Delivered, Failed];
}

/// <summary>The notification channels and the outbox in PostgreSQL (see 004_notifications.sql).</summary>
public sealed class NotificationStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ChannelConfig> PutChannelAsync(string tenant, ChannelConfig channel)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("""
            INSERT INTO notification_channels (tenant, name, kind, url, secret, events, settings, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (tenant, name) DO UPDATE SET kind = excluded.kind, url = excluded.url,
                secret = coalesce(excluded.secret, notification_channels.secret), events = excluded.events,
                settings = excluded.settings, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = channel.Name });
        command.Parameters.Add(new() { Value = channel.Kind.ToString() });
        command.Parameters.Add(new() { Value = channel.Url });
        command.Parameters.Add(new() { Value = (object?)channel.Secret ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = channel.Events.ToArray() });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(channel.Settings ?? new Dictionary<string, string>(), Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        await command.ExecuteNonQueryAsync();
        return (await ChannelAsync(tenant, channel.Name))!.Value.Channel;
    }

    public async Task<(ChannelConfig Channel, DateTimeOffset UpdatedAt)?> ChannelAsync(string tenant, string name) =>
        (await ChannelsAsync(tenant, name)).Cast<(ChannelConfig, DateTimeOffset)?>().FirstOrDefault();

    public async Task<IReadOnlyList<(ChannelConfig Channel, DateTimeOffset UpdatedAt)>> ChannelsAsync(string tenant, string? name = null)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("""
            SELECT name, kind, url, secret, events, settings::text, updated_at FROM notification_channels
            WHERE tenant = $1 AND ($2::text IS NULL OR name = $2) ORDER BY name
            """);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        var channels = new List<(ChannelConfig, DateTimeOffset)>();
        while (await reader.ReadAsync())
        {
            channels.Add((new ChannelConfig(reader.GetString(0), Enum.Parse<ChannelKind>(reader.GetString(1)), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<string[]>(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5), Json)), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return channels;
    }

    public async Task<bool> DeleteChannelAsync(string tenant, string name)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("DELETE FROM notification_channels WHERE tenant = $1 AND name = $2");
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = name });
        return await command.ExecuteNonQueryAsync() > 0;
    }

    /// <summary>
    /// Fans out the next events after the cursor in one transaction: the cursor row is locked (one silo at a time), the
    /// notifications <paramref name="fanOut"/> makes of them are inserted (a duplicate of a row already there is
    /// skipped), and the cursor moves past them. Answers how many events it read.
    /// </summary>
    public async Task<int> FanOutAsync(
        int limit, TimeSpan settle, Func<OutboxEvent, Task<IReadOnlyList<OutboxEntry>>> fanOut, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        long cursor;
        // The first fan-out starts at the newest event: events from before the outbox existed are not sent.
        await using (var start = new NpgsqlCommand(
            "INSERT INTO notification_cursor (name, seq) SELECT 'fanout', coalesce(max(seq), 0) FROM hub_events ON CONFLICT (name) DO NOTHING",
            connection, transaction))
        {
            await start.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var read = new NpgsqlCommand("SELECT seq FROM notification_cursor WHERE name = 'fanout' FOR UPDATE", connection, transaction))
        {
            cursor = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }
        // Sequence numbers are taken when a row is inserted, not when its transaction commits: a row with a lower number
        // can still appear after a higher one was read. So the fan-out stops at the first event younger than the settle
        // time (hub events are written by short grain-state transactions), and moves the cursor only over older ones.
        var events = new List<OutboxEvent>();
        await using (var next = new NpgsqlCommand(
            "SELECT seq, tenant, kind, subject, data::text, at < now() - $3 FROM hub_events WHERE seq > $1 ORDER BY seq LIMIT $2", connection, transaction))
        {
            next.Parameters.Add(new() { Value = cursor });
            next.Parameters.Add(new() { Value = limit });
            next.Parameters.Add(new() { Value = settle });
            await using NpgsqlDataReader reader = await next.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken) && reader.GetBoolean(5))
            {
                events.Add(new OutboxEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    JsonDocument.Parse(reader.GetString(4)).RootElement.Clone()));
            }
        }
        if (events.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }
        DateTimeOffset now = time.GetUtcNow();
        foreach (OutboxEvent e in events)
        {
            foreach (OutboxEntry entry in await fanOut(e))
            {
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO notifications (tenant, channel, event_seq, event_kind, subject, fields, recipient, next_attempt_at, created_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (event_seq, tenant, channel) DO NOTHING
                    """, connection, transaction);
                insert.Parameters.Add(new() { Value = entry.Tenant });
                insert.Parameters.Add(new() { Value = entry.Channel });
                insert.Parameters.Add(new() { Value = entry.EventSeq });
                insert.Parameters.Add(new() { Value = entry.EventKind });
                insert.Parameters.Add(new() { Value = entry.Subject });
                insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(entry.Fields, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
                insert.Parameters.Add(new() { Value = (object?)entry.Recipient ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new() { Value = now });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await using (var advance = new NpgsqlCommand("UPDATE notification_cursor SET seq = $1 WHERE name = 'fanout'", connection, transaction))
        {
            advance.Parameters.Add(new() { Value = events[^1].Seq });
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>Claims up to <paramref name="limit"/> due rows for <paramref name="lease"/>: no other silo takes them meanwhile.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimDueAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"""
            UPDATE notifications SET next_attempt_at = $2 + $3
            WHERE id IN (SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= $2
                         ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """);
        DateTimeOffset now = time.GetUtcNow();
        command.Parameters.Add(new() { Value = limit });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = lease });
        return await ReadRowsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Records an attempt's outcome: delivered, pending again at <paramref name="nextAttemptAt"/>, or failed (dead letter)
    /// — only while the claim still stands (pending, with the lease this silo took): a send that outlived its lease, whose
    /// row another silo claimed meanwhile, or one an operator re-queued, records nothing.
    /// </summary>
    public async Task RecordAttemptAsync(OutboxRow claimed, string status, string? error, DateTimeOffset? nextAttemptAt)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("""
            UPDATE notifications SET status = $2, attempts = attempts + 1, last_error = $3,
                next_attempt_at = coalesce($4, next_attempt_at), delivered_at = CASE WHEN $2 = 'delivered' THEN $5 END
            WHERE id = $1 AND status = 'pending' AND next_attempt_at = $6
            """);
        command.Parameters.Add(new() { Value = claimed.Id });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)nextAttemptAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        command.Parameters.Add(new() { Value = claimed.NextAttemptAt });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Sends a dead letter again: pending now, attempts from zero. Null when it is not failed (or not this tenant's).</summary>
    public async Task<OutboxRow?> RetryAsync(string tenant, long id)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"""
            UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = $3
            WHERE tenant = $1 AND id = $2 AND status = 'failed' RETURNING {Columns}
            """);
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        return (await ReadRowsAsync(command, CancellationToken.None)).FirstOrDefault();
    }

    public async Task<OutboxRow?> GetAsync(string tenant, long id)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"SELECT {Columns} FROM notifications WHERE tenant = $1 AND id = $2");
        command.Parameters.Add(new() { Value = tenant });
        command.Parameters.Add(new() { Value = id });
        return (await ReadRowsAsync(command, CancellationToken.None)).FirstOrDefault();
    }

    public async Task<(IReadOnlyList<OutboxRow> Items, long Total)> ListAsync(string tenant, string? status, string? channel, int page, int pageSize)
    {
        const string Filter = "WHERE tenant = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR channel = $3)";
        await using NpgsqlCommand count = dataSource.CreateCommand($"SELECT count(*) FROM notifications {Filter}");
        await using NpgsqlCommand list = dataSource.CreateCommand($"SELECT {Columns} FROM notifications {Filter} ORDER BY id DESC LIMIT $4 OFFSET $5");
        foreach (NpgsqlCommand c in new[] { count, list })
        {
            c.Parameters.Add(new() { Value = tenant });
            c.Parameters.Add(new() { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            c.Parameters.Add(new() { Value = (object?)channel ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }
        list.Parameters.Add(new() { Value = pageSize });
        list.Parameters.Add(new() { Value = (page - 1) * (long)pageSize });
        long total = (long)(await count.ExecuteScalarAsync())!;
        return (await ReadRowsAsync(list, CancellationToken.None), total);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(string tenant)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("SELECT status, count(*) FROM notifications WHERE tenant = $1 GROUP BY status");
        command.Parameters.Add(new() { Value = tenant });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        Dictionary<string, long> counts = OutboxStatus.All.ToDictionary(s => s, _ => 0L);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    private const string Columns =
        "id, tenant, channel, event_seq, event_kind, subject, fields::text, recipient, status, attempts, last_error, next_attempt_at, created_at, delivered_at";

    private static async Task<IReadOnlyList<OutboxRow>> ReadRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetString(5), JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6), Json)!,
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8), reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13)));
        }
        return rows;
    }
}
