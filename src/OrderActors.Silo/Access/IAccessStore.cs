namespace OrderActors.Silo.Access;

public sealed record UserRecord(
    string User, string PasswordHash, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants,
    int FailedAttempts, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

public sealed record ApiKeyRecord(
    string KeyId, string Name, byte[] SecretHash, IReadOnlyList<string> Roles, string Tenant,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>One state-changing call: who, what, on what, how it ended (<c>ok|denied|refused|failed</c> and the status).</summary>
public sealed record AuditEntry(DateTimeOffset At, string Tenant, string Actor, string Action, string Subject, string Result, int Status);

/// <param name="Tenants">The tenants whose entries are read (<see cref="Roles.AnyTenant"/> is the access calls'—sign-ins, users, keys).</param>
public sealed record AuditQuery(IReadOnlyList<string> Tenants, string? Subject, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long Total);

/// <summary>Users, API keys, the audit trail and push nonces: PostgreSQL in a deployment, memory in the memory mode.</summary>
public interface IAccessStore
{
    Task<bool> AnyUserAsync();

    Task<UserRecord?> FindUserAsync(string user);

    Task<IReadOnlyList<UserRecord>> ListUsersAsync();

    /// <summary>Creates or replaces the user; a null hash keeps the current password. False when it does not exist and no hash is given.</summary>
    Task<bool> UpsertUserAsync(string user, string? passwordHash, IReadOnlyList<string> roles, IReadOnlyList<string> tenants);

    /// <summary>Creates the user only when no user exists yet (the first start); false when one does.</summary>
    Task<bool> CreateFirstUserAsync(string user, string passwordHash, IReadOnlyList<string> roles, IReadOnlyList<string> tenants);

    /// <summary>Counts a wrong password; locks the user until the given time when <paramref name="lockFor"/> says so.</summary>
    Task<UserRecord?> RecordFailedLoginAsync(string user, Func<int, TimeSpan?> lockFor, DateTimeOffset now);

    Task RecordSuccessfulLoginAsync(string user, string? rehashedPassword);

    Task CreateApiKeyAsync(ApiKeyRecord key);

    Task<ApiKeyRecord?> FindApiKeyAsync(string keyId);

    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync();

    /// <summary>False when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset now);

    Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries);

    Task<AuditPage> ReadAuditAsync(AuditQuery query);

    /// <summary>Uses a signed push's nonce once: false when it was already used within the window.</summary>
    Task<bool> UseNonceAsync(string channel, string nonce, DateTimeOffset expiresAt);

    /// <summary>Forgets nonces past their window.</summary>
    Task ExpireNoncesAsync(DateTimeOffset now);
}
