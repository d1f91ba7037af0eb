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
