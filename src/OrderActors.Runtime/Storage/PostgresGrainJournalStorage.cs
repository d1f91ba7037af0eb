using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Storage;

/// <summary>Journals in <c>grain_events</c> (one row per event, the sequence number in the key) and <c>grain_snapshots</c>.</summary>
public sealed class PostgresGrainJournalStorage(NpgsqlDataSource dataSource) : IGrainJournalStorage
{
    private const string UniqueViolation = "23505";

    public async Task<JournalRead> ReadAsync(GrainId grainId, string stateName)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        string? snapshot = null;
        long snapshotVersion = 0;
        await using (var read = new NpgsqlCommand(
            "SELECT seq, payload::text FROM grain_snapshots WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3", connection, transaction))
        {
            AddKey(read, grainId, stateName);
            await using NpgsqlDataReader reader = await read.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                snapshotVersion = reader.GetInt64(0);
                snapshot = reader.GetString(1);
            }
        }
        var events = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT payload::text FROM grain_events WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND seq > $4 ORDER BY seq",
            connection, transaction))
        {
            AddKey(read, grainId, stateName);
            read.Parameters.Add(new NpgsqlParameter { Value = snapshotVersion });
            await using NpgsqlDataReader reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events.Add(reader.GetString(0));
            }
        }
        await transaction.CommitAsync();
        return new JournalRead(snapshot, snapshotVersion, events);
    }

    public async Task AppendAsync(GrainId grainId, string stateName, long afterVersion, IReadOnlyList<string> eventsJson)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            """
            INSERT INTO grain_events (grain_type, grain_key, state_name, seq, payload)
            SELECT $1, $2, $3, $4 + e.ord, e.payload
            FROM unnest($5::jsonb[]) WITH ORDINALITY AS e(payload, ord)
            """);
        AddKey(command, grainId, stateName);
        command.Parameters.Add(new NpgsqlParameter { Value = afterVersion });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = eventsJson.ToArray() });
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            throw new InconsistentStateException(
                $"Journal {stateName} of {grainId} already has an event after {afterVersion}: another activation appended first.",
                null,
                afterVersion.ToString(CultureInfo.InvariantCulture));
        }
    }

    public async Task WriteSnapshotAsync(GrainId grainId, string stateName, long version, string stateJson)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            """
            INSERT INTO grain_snapshots (grain_type, grain_key, state_name, seq, payload) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (grain_type, grain_key, state_name)
            DO UPDATE SET seq = excluded.seq, payload = excluded.payload, written_at = now()
            WHERE grain_snapshots.seq < excluded.seq
            """);
        AddKey(command, grainId, stateName);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = stateJson });
        await command.ExecuteNonQueryAsync();
    }

    private static void AddKey(NpgsqlCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
    }
}
