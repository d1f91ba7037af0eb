using System.Text.RegularExpressions;

namespace OrderActors.Silo.Api;

/// <summary>
/// The tenant of a request: the X-Tenant header, else a <c>tenant</c> query parameter (a browser's
/// EventSource cannot send headers), "default" when neither is there.
/// </summary>
public static partial class Tenancy
{
    public const string Header = "X-Tenant";
    public const string DefaultTenant = "default";

    /// <summary>The tenant, or a field error when the header is not a valid tenant name.</summary>
    public static string Of(HttpContext context)
    {
        string? tenant = context.Request.Headers[Header].FirstOrDefault() ?? context.Request.Query["tenant"].FirstOrDefault();
        if (string.IsNullOrEmpty(tenant))
        {
            return DefaultTenant;
        }
        return TenantName().IsMatch(tenant)
            ? tenant
            : throw new RequestValidationException(Header, "A tenant is 1–32 lower-case letters, digits or '-'.");
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex TenantName();
}
