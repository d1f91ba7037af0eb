using System.Text.RegularExpressions;
using OrderActors.Silo.Access;

namespace OrderActors.Silo.Api;

/// <summary>
/// The tenant of a request comes from its principal. The X-Tenant header (else a <c>tenant</c> query parameter: a
/// browser's EventSource cannot send headers) only chooses among the tenants the principal holds; without one, its
/// first tenant (<c>default</c> for a principal holding every tenant).
/// </summary>
public static partial class Tenancy
{
    public const string Header = "X-Tenant";
    public const string DefaultTenant = "default";

    /// <summary>The tenant; a field error when the header is not a tenant name, 403 when the principal does not hold it.</summary>
    public static string Of(HttpContext context)
    {
        HubPrincipal principal = HubPrincipal.Of(context.User)
            ?? throw new InvalidOperationException("Tenancy.Of on a route without a principal.");
        string? asked = context.Request.Headers[Header].FirstOrDefault() ?? context.Request.Query["tenant"].FirstOrDefault();
        if (string.IsNullOrEmpty(asked))
        {
            return principal.HoldsAnyTenant ? DefaultTenant : principal.Tenants.FirstOrDefault() ?? throw new TenantForbiddenException(DefaultTenant);
        }
        if (!IsTenantName(asked))
        {
            throw new RequestValidationException(Header, "A tenant is 1–32 lower-case letters, digits or '-'.");
        }
        return principal.Holds(asked) ? asked : throw new TenantForbiddenException(asked);
    }

    /// <summary>The tenant when there is a principal that holds it, else null (for the audit trail of refused calls).</summary>
    public static string? TryOf(HttpContext context)
    {
        try
        {
            return HubPrincipal.Of(context.User) is null ? null : Of(context);
        }
        catch (Exception e) when (e is RequestValidationException or TenantForbiddenException)
        {
            return null;
        }
    }

    public static bool IsTenantName(string tenant) => TenantName().IsMatch(tenant);

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex TenantName();
}

/// <summary>A tenant the principal does not hold: 403.</summary>
public sealed class TenantForbiddenException(string tenant) : Exception($"Your credential does not hold tenant '{tenant}'.")
{
    public string Tenant { get; } = tenant;
}
