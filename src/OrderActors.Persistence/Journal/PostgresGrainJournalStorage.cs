using System.Data;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace OrderActors.Persistence.Journal;

/// <summary>Journals in <c>grain_events</c> (one row per event, the sequence number in the key) and <c>grain_snapshots</c>.</summary>
public sealed class PostgresGrainJournalStorage(NpgsqlDataSource dataSource) : IGrainJournalStorage
{
    private const string UniqueViolation = "23505";

    public async Task<JournalRead> ReadAsync(JournalId journal)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        string? snapshot = null;
        long snapshotVersion = 0;
        await using (var read = new NpgsqlCommand(
            "SELECT seq, payload::text FROM grain_snapshots WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3", connection, transaction))
        {
            AddKey(read, journal);
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
            AddKey(read, journal);
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

    public async Task AppendAsync(JournalId journal, long afterVersion, IReadOnlyList<string> eventsJson)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            """
            INSERT INTO grain_events (grain_type, grain_key, state_name, seq, payload)
            SELECT $1, $2, $3, $4 + e.ord, e.payload
            FROM unnest($5::jsonb[]) WITH ORDINALITY AS e(payload, ord)
            """);
        AddKey(command, journal);
        command.Parameters.Add(new NpgsqlParameter { Value = afterVersion });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = eventsJson.ToArray() });
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            // Not chained: the exception travels back to the caller, and Npgsql's exceptions have no Orleans codec.
            throw new InconsistentStateException(
                $"Journal {journal} already has an event after {afterVersion}: another activation appended first ({ex.ConstraintName}).",
                null,
                afterVersion.ToString(CultureInfo.InvariantCulture));
        }
    }

    public async Task WriteSnapshotAsync(JournalId journal, long version, string stateJson)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            """
            INSERT INTO grain_snapshots (grain_type, grain_key, state_name, seq, payload) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (grain_type, grain_key, state_name)
            DO UPDATE SET seq = excluded.seq, payload = excluded.payload, written_at = now()
            WHERE grain_snapshots.seq < excluded.seq
            """);
        AddKey(command, journal);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = stateJson });
        await command.ExecuteNonQueryAsync();
    }

    private static void AddKey(NpgsqlCommand command, JournalId journal)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = journal.GrainType });
        command.Parameters.Add(new NpgsqlParameter { Value = journal.GrainKey });
        command.Parameters.Add(new NpgsqlParameter { Value = journal.StateName });
    }
}
