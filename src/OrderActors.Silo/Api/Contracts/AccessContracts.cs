namespace OrderActors.Silo.Api.Contracts;

public sealed record LoginRequest(string? User, string? Password);

public sealed record LoginResponse(string User, string AccessToken, DateTimeOffset ExpiresAt, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants);

public sealed record SessionResponse(string User, DateTimeOffset ExpiresAt, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants);

public sealed record MeResponse(
    string User, string Kind, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants, string Tenant,
    IReadOnlyList<string> Permissions, string? CsrfToken);

public sealed record UserRequest(string? Password, List<string>? Roles, List<string>? Tenants);

public sealed record UserResponse(string User, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants, DateTimeOffset? CreatedAt);

public sealed record ApiKeyRequest(string? Name, List<string>? Roles, string? Tenant);

public sealed record ApiKeyCreated(string KeyId, string Key, string Name, IReadOnlyList<string> Roles, string Tenant);

public sealed record ApiKeyResponse(string KeyId, string Name, IReadOnlyList<string> Roles, string Tenant, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);

public sealed record AuditItem(DateTimeOffset At, string Actor, string Action, string Subject, string Result, int Status);

public sealed record AuditLogResponse(IReadOnlyList<AuditItem> Items, int Page, int PageSize, long Total);
