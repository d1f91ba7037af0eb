namespace OrderActors.Silo.Access;

/// <summary>The access store of the memory mode (a silo without PostgreSQL): gone with the process, like its grains.</summary>
public sealed class MemoryAccessStore(TimeProvider time) : IAccessStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserRecord> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = [];
    private readonly Dictionary<(string, string), DateTimeOffset> _nonces = [];

    public Task<bool> AnyUserAsync()
    {
        lock (_gate)
        {
            return Task.FromResult(_users.Count > 0);
        }
    }

    public Task<UserRecord?> FindUserAsync(string user)
    {
        lock (_gate)
        {
            return Task.FromResult(_users.GetValueOrDefault(user));
        }
    }

    public Task<IReadOnlyList<UserRecord>> ListUsersAsync()
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<UserRecord>>(_users.Values.OrderBy(u => u.User, StringComparer.Ordinal).ToList());
        }
    }

    public Task<bool> UpsertUserAsync(string user, string? passwordHash, IReadOnlyList<string> roles, IReadOnlyList<string> tenants)
    {
        lock (_gate)
        {
            if (passwordHash is null)
            {
                if (!_users.TryGetValue(user, out UserRecord? current))
                {
                    return Task.FromResult(false);
                }
                _users[user] = current with { Roles = roles, Tenants = tenants };
                return Task.FromResult(true);
            }
            DateTimeOffset created = _users.TryGetValue(user, out UserRecord? existing) ? existing.CreatedAt : time.GetUtcNow();
            _users[user] = new UserRecord(user, passwordHash, roles, tenants, 0, null, created);
            return Task.FromResult(true);
        }
    }

    public Task<bool> CreateFirstUserAsync(string user, string passwordHash, IReadOnlyList<string> roles, IReadOnlyList<string> tenants)
    {
        lock (_gate)
        {
            if (_users.Count > 0)
            {
                return Task.FromResult(false);
            }
            _users[user] = new UserRecord(user, passwordHash, roles, tenants, 0, null, time.GetUtcNow());
            return Task.FromResult(true);
        }
    }

    public Task<UserRecord?> RecordFailedLoginAsync(string user, Func<int, TimeSpan?> lockFor, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(user, out UserRecord? current))
            {
                return Task.FromResult<UserRecord?>(null);
            }
            int failures = current.FailedAttempts + 1;
            UserRecord updated = current with
            {
                FailedAttempts = failures,
                LockedUntil = lockFor(failures) is { } duration ? now.Add(duration) : current.LockedUntil,
            };
            _users[user] = updated;
            return Task.FromResult<UserRecord?>(updated);
        }
    }

    public Task RecordSuccessfulLoginAsync(string user, string? rehashedPassword)
    {
        lock (_gate)
        {
            if (_users.TryGetValue(user, out UserRecord? current))
            {
                _users[user] = current with { FailedAttempts = 0, LockedUntil = null, PasswordHash = rehashedPassword ?? current.PasswordHash };
            }
            return Task.CompletedTask;
        }
    }

    public Task CreateApiKeyAsync(ApiKeyRecord key)
    {
        lock (_gate)
        {
            _keys.Add(key.KeyId, key);
            return Task.CompletedTask;
        }
    }

    public Task<ApiKeyRecord?> FindApiKeyAsync(string keyId)
    {
        lock (_gate)
        {
            return Task.FromResult(_keys.GetValueOrDefault(keyId));
        }
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync()
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ApiKeyRecord>>(_keys.Values.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList());
        }
    }

    public Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue(keyId, out ApiKeyRecord? key) || key.RevokedAt is not null)
            {
                return Task.FromResult(false);
            }
            _keys[keyId] = key with { RevokedAt = now };
            return Task.FromResult(true);
        }
    }

    public Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries)
    {
        lock (_gate)
        {
            _audit.AddRange(entries);
            return Task.CompletedTask;
        }
    }

    public Task<AuditPage> ReadAuditAsync(AuditQuery query)
    {
        lock (_gate)
        {
            List<AuditEntry> matching = _audit
                .Where(e => query.Tenants.Contains(e.Tenant)
                    && (query.Subject is null || e.Subject == query.Subject || e.Subject.EndsWith("/" + query.Subject, StringComparison.Ordinal))
                    && (query.Actor is null || e.Actor == query.Actor)
                    && (query.From is null || e.At >= query.From)
                    && (query.To is null || e.At < query.To))
                .Reverse()
                .ToList();
            return Task.FromResult(new AuditPage(matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(), matching.Count));
        }
    }

    public Task<bool> UseNonceAsync(string channel, string nonce, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            return Task.FromResult(_nonces.TryAdd((channel, nonce), expiresAt));
        }
    }

    public Task ExpireNoncesAsync(DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach ((string, string) expired in _nonces.Where(n => n.Value < now).Select(n => n.Key).ToList())
            {
                _nonces.Remove(expired);
            }
            return Task.CompletedTask;
        }
    }
}
