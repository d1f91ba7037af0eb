using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Storage;

/// <summary>Grain state in the <c>grain_state</c> table; the ETag is the row's version.</summary>
public sealed class PostgresGrainStorage(NpgsqlDataSource dataSource) : IGrainStorage
{
    public async Task<StoredState> ReadAsync(GrainId grainId, string stateName)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "SELECT version, payload::text FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3");
        AddKey(command, grainId, stateName);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return default;
        }
        return new StoredState(reader.IsDBNull(1) ? null : reader.GetString(1), Format(reader.GetInt64(0)));
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag) =>
        SwapAsync(grainId, stateName, json, etag)!;

    public Task<string?> ClearAsync(GrainId grainId, string stateName, string? etag) =>
        SwapAsync(grainId, stateName, json: null, etag);

    private async Task<string?> SwapAsync(GrainId grainId, string stateName, string? json, string? etag)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(etag is null
            ? """
              INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload)
              VALUES ($1, $2, $3, 1, $4)
              ON CONFLICT DO NOTHING
              RETURNING version
              """
            : """
              UPDATE grain_state SET version = version + 1, payload = $4, updated_at = now()
              WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $5
              RETURNING version
              """);
        AddKey(command, grainId, stateName);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)json ?? DBNull.Value });
        if (etag is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = long.Parse(etag, CultureInfo.InvariantCulture) });
        }
        object? version = await command.ExecuteScalarAsync();
        if (version is long newVersion)
        {
            return Format(newVersion);
        }
        StoredState current = await ReadAsync(grainId, stateName);
        throw new InconsistentStateException(
            $"Version conflict writing {stateName} of {grainId}: stored ETag {current.Etag ?? "none"}, this activation had {etag ?? "none"}.",
            current.Etag,
            etag);
    }

    private static void AddKey(NpgsqlCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
    }

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);
}
