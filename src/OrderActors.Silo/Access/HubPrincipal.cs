using System.Security.Claims;

namespace OrderActors.Silo.Access;

/// <summary>Who a request acts as, read from the claims every authentication scheme here issues.</summary>
public sealed record HubPrincipal(string Name, string Kind, IReadOnlyList<string> Roles, IReadOnlyList<string> Tenants)
{
    public const string NameClaim = "sub";
    public const string RoleClaim = "role";
    public const string TenantClaim = "tenant";
    public const string KindClaim = "kind";

    public const string UserKind = "user";
    public const string ApiKeyKind = "apiKey";
    public const string PlatformKind = "platform";

    /// <summary>The authentication type of the admin UI's cookie session (the one that needs a CSRF token).</summary>
    public const string SessionAuthentication = "session";

    public bool HoldsAnyTenant => Tenants.Contains(Access.Roles.AnyTenant);

    public bool Holds(string tenant) => HoldsAnyTenant || Tenants.Contains(tenant);

    public string? Supplier => Access.Roles.SupplierOf(Roles);

    /// <summary>The principal of a signed-in request, or null.</summary>
    public static HubPrincipal? Of(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } || user.FindFirst(NameClaim)?.Value is not { } name)
        {
            return null;
        }
        return new HubPrincipal(
            name,
            user.FindFirst(KindClaim)?.Value ?? UserKind,
            user.FindAll(RoleClaim).Select(c => c.Value).ToList(),
            user.FindAll(TenantClaim).Select(c => c.Value).ToList());
    }

    public ClaimsIdentity ToIdentity(string authenticationType)
    {
        var claims = new List<Claim> { new(NameClaim, Name), new(KindClaim, Kind) };
        claims.AddRange(Roles.Select(r => new Claim(RoleClaim, r)));
        claims.AddRange(Tenants.Select(t => new Claim(TenantClaim, t)));
        return new ClaimsIdentity(claims, authenticationType, NameClaim, RoleClaim);
    }
}
