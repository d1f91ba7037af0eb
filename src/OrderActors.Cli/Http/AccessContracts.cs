namespace OrderActors.Cli.Http;

// The access routes' shapes as the CLI reads them (docs/API.md, "Access"). Records that hold a secret print without it.

/// <summary>POST /api/v1/auth/login.</summary>
public sealed record SignIn(string User, string AccessToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants)
{
    public override string ToString() => $"{User} until {ExpiresAt:O}";
}

/// <summary>GET /api/v1/auth/me: who the credential is, what it may do, and the tenant this request acts in.</summary>
public sealed record Principal(
    string User, string Kind, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants, string Tenant, IReadOnlyList<string> Permissions);

/// <summary>PUT /api/v1/users/{user}, and each row of GET /api/v1/users (which adds when it was created).</summary>
public sealed record UserAccount(string User, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants, DateTimeOffset? CreatedAt = null);

/// <summary>GET /api/v1/users.</summary>
public sealed record UserList(IReadOnlyList<UserAccount> Items);

/// <summary>POST /api/v1/api-keys: the only answer that holds the key itself.</summary>
public sealed record CreatedApiKey(string KeyId, string Key, string Name, IReadOnlyList<string> Roles, string Tenant)
{
    public override string ToString() => $"{KeyId} {Name}";
}

/// <summary>One row of GET /api/v1/api-keys.</summary>
public sealed record ApiKey(string KeyId, string Name, IReadOnlyList<string> Roles, string Tenant, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>GET /api/v1/api-keys.</summary>
public sealed record ApiKeyList(IReadOnlyList<ApiKey> Items);

/// <summary>One state-changing call as the audit trail recorded it.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string Result, int? Status);

/// <summary>GET /api/v1/audit-log: one page of it.</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, long Total);
