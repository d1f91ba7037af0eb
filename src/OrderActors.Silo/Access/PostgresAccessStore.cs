using Npgsql;

namespace OrderActors.Silo.Access;

/// <summary>The access tables of <c>002_access.sql</c>.</summary>
public sealed class PostgresAccessStore(NpgsqlDataSource dataSource) : IAccessStore
{
    private const string UserColumns = "user_name, password_hash, roles, tenants, failed_attempts, locked_until, created_at";
    private const string KeyColumns = "key_id, name, secret_hash, roles, tenant, created_by, created_at, revoked_at";

    public async Task<bool> AnyUserAsync()
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM access_users)");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task<UserRecord?> FindUserAsync(string user)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"SELECT {UserColumns} FROM access_users WHERE user_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = user });
        return (await ReadUsersAsync(command)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync()
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"SELECT {UserColumns} FROM access_users ORDER BY user_name");
        return await ReadUsersAsync(command);
    }

    public async Task<bool> UpsertUserAsync(string user, string? passwordHash, IReadOnlyList<string> roles, IReadOnlyList<string> tenants)
    {
        await using NpgsqlCommand command = passwordHash is null
            ? dataSource.CreateCommand("UPDATE access_users SET roles = $2, tenants = $3, updated_at = now() WHERE user_name = $1")
            : dataSource.CreateCommand("""
                INSERT INTO access_users (user_name, password_hash, roles, tenants) VALUES ($1, $4, $2, $3)
                ON CONFLICT (user_name) DO UPDATE SET password_hash = $4, roles = $2, tenants = $3,
                    failed_attempts = 0, locked_until = NULL, updated_at = now()
                """);
        command.Parameters.Add(new NpgsqlParameter { Value = user });
        command.Parameters.Add(new NpgsqlParameter { Value = roles.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = tenants.ToArray() });
        if (passwordHash is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = passwordHash });
        }
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<bool> CreateFirstUserAsync(string user, string passwordHash, IReadOnlyList<string> roles, IReadOnlyList<string> tenants)
    {
        // Two silos starting on an empty database: the table lock lets exactly one of them create the first user.
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE access_users IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO access_users (user_name, password_hash, roles, tenants)
            SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM access_users)
            """, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = user });
        insert.Parameters.Add(new NpgsqlParameter { Value = passwordHash });
        insert.Parameters.Add(new NpgsqlParameter { Value = roles.ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = tenants.ToArray() });
        bool created = await insert.ExecuteNonQueryAsync() == 1;
        await transaction.CommitAsync();
        return created;
    }

    public async Task<UserRecord?> RecordFailedLoginAsync(string user, Func<int, TimeSpan?> lockFor, DateTimeOffset now)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "UPDATE access_users SET failed_attempts = failed_attempts + 1 WHERE user_name = $1 RETURNING failed_attempts");
        command.Parameters.Add(new NpgsqlParameter { Value = user });
        if (await command.ExecuteScalarAsync() is not int failures)
        {
            return null;
        }
        if (lockFor(failures) is { } duration)
        {
            await using NpgsqlCommand lockUser = dataSource.CreateCommand("UPDATE access_users SET locked_until = $2 WHERE user_name = $1");
            lockUser.Parameters.Add(new NpgsqlParameter { Value = user });
            lockUser.Parameters.Add(new NpgsqlParameter { Value = now.Add(duration) });
            await lockUser.ExecuteNonQueryAsync();
        }
        return await FindUserAsync(user);
    }

    public async Task RecordSuccessfulLoginAsync(string user, string? rehashedPassword)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("""
            UPDATE access_users SET failed_attempts = 0, locked_until = NULL, password_hash = COALESCE($2, password_hash)
            WHERE user_name = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = user });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = rehashedPassword, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }

    public async Task CreateApiKeyAsync(ApiKeyRecord key)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            $"INSERT INTO access_api_keys ({KeyColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)");
        command.Parameters.Add(new NpgsqlParameter { Value = key.KeyId });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = key.SecretHash });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Roles.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = key.CreatedBy });
        command.Parameters.Add(new NpgsqlParameter { Value = key.CreatedAt });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string keyId)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"SELECT {KeyColumns} FROM access_api_keys WHERE key_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        return (await ReadKeysAsync(command)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync()
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"SELECT {KeyColumns} FROM access_api_keys ORDER BY created_at, key_id");
        return await ReadKeysAsync(command);
    }

    public async Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset now)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "UPDATE access_api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries)
    {
        // One statement for the whole batch: the audit trail's group commit.
        await using NpgsqlCommand command = dataSource.CreateCommand("""
            INSERT INTO audit_log (at, tenant, actor, action, subject, result, status)
            SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.At).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Tenant).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Actor).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Action).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Subject).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Result).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Status).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<AuditPage> ReadAuditAsync(AuditQuery query)
    {
        const string Where = """
            WHERE tenant = ANY($1)
              AND ($2::text IS NULL OR subject = $2 OR subject LIKE '%/' || $2)
              AND ($3::text IS NULL OR actor = $3)
              AND ($4::timestamptz IS NULL OR at >= $4)
              AND ($5::timestamptz IS NULL OR at < $5)
            """;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM audit_log {Where}", connection);
        AddAuditFilters(count, query);
        long total = (long)(await count.ExecuteScalarAsync())!;
        await using var page = new NpgsqlCommand(
            $"SELECT at, tenant, actor, action, subject, result, status FROM audit_log {Where} ORDER BY at DESC, id DESC LIMIT $6 OFFSET $7",
            connection);
        AddAuditFilters(page, query);
        page.Parameters.Add(new NpgsqlParameter { Value = query.PageSize });
        page.Parameters.Add(new NpgsqlParameter { Value = (query.Page - 1) * query.PageSize });
        var items = new List<AuditEntry>();
        await using NpgsqlDataReader reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }
        return new AuditPage(items, total);
    }

    public async Task<bool> UseNonceAsync(string channel, string nonce, DateTimeOffset expiresAt)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "INSERT INTO push_nonces (channel, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = channel });
        command.Parameters.Add(new NpgsqlParameter { Value = nonce });
        command.Parameters.Add(new NpgsqlParameter { Value = expiresAt });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task ExpireNoncesAsync(DateTimeOffset now)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("DELETE FROM push_nonces WHERE expires_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync();
    }

    private static void AddAuditFilters(NpgsqlCommand command, AuditQuery query)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = query.Tenants.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = query.Subject, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = query.Actor, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = query.From, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = query.To, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
    }

    private static async Task<IReadOnlyList<UserRecord>> ReadUsersAsync(NpgsqlCommand command)
    {
        var users = new List<UserRecord>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            users.Add(new UserRecord(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return users;
    }

    private static async Task<IReadOnlyList<ApiKeyRecord>> ReadKeysAsync(NpgsqlCommand command)
    {
        var keys = new List<ApiKeyRecord>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(new ApiKeyRecord(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<string[]>(3),
                reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return keys;
    }
}
