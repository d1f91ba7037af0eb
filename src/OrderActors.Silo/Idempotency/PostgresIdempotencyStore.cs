using Npgsql;

namespace OrderActors.Silo.Idempotency;

/// <summary>Idempotency keys in <c>idempotency_keys</c>: the claim is an INSERT, so two racing requests cannot both run.</summary>
public sealed class PostgresIdempotencyStore(NpgsqlDataSource dataSource) : IIdempotencyStore
{
    public async Task<Claim> ClaimAsync(string scope, string requestHash)
    {
        await using NpgsqlCommand claim = dataSource.CreateCommand(
            "INSERT INTO idempotency_keys (scope, request_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING");
        claim.Parameters.Add(new NpgsqlParameter { Value = scope });
        claim.Parameters.Add(new NpgsqlParameter { Value = requestHash });
        if (await claim.ExecuteNonQueryAsync() == 1)
        {
            return new Claim(ClaimOutcome.Claimed);
        }
        await using NpgsqlCommand read = dataSource.CreateCommand(
            "SELECT request_hash, status, content_type, body FROM idempotency_keys WHERE scope = $1");
        read.Parameters.Add(new NpgsqlParameter { Value = scope });
        await using NpgsqlDataReader reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return await ClaimAsync(scope, requestHash);
        }
        if (reader.GetString(0) != requestHash)
        {
            return new Claim(ClaimOutcome.Mismatch);
        }
        return reader.IsDBNull(1)
            ? new Claim(ClaimOutcome.InProgress)
            : new Claim(ClaimOutcome.Replay, new StoredResponse(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<byte[]>(3)));
    }

    public async Task CompleteAsync(string scope, StoredResponse response)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "UPDATE idempotency_keys SET status = $2, content_type = $3, body = $4 WHERE scope = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = response.Status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)response.ContentType ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = response.Body });
        await command.ExecuteNonQueryAsync();
    }

    public async Task ReleaseAsync(string scope)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE scope = $1 AND status IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<int> ExpireAsync(TimeSpan age)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE created_at < now() - $1");
        command.Parameters.Add(new NpgsqlParameter { Value = age });
        return await command.ExecuteNonQueryAsync();
    }
}
