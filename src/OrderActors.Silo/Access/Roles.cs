using System.Text.RegularExpressions;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Silo.Access;

/// <summary>
/// The roles of the contract (../shared/API.md "Access"): admin, operator, viewer, finance, hq (read-only across its
/// tenants), supplier:{supplierId} (a dropship supplier: its own orders), connector:{channel} (a machine posting
/// one channel's orders; connector:carriers posts carrier tracking).
/// </summary>
public static partial class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Viewer = "viewer";
    public const string Finance = "finance";
    public const string Hq = "hq";
    public const string SupplierPrefix = "supplier:";
    public const string ConnectorPrefix = "connector:";
    public const string CarriersConnector = ConnectorPrefix + "carriers";

    /// <summary>The tenant list that holds every tenant (the deployment's owner).</summary>
    public const string AnyTenant = "*";

    /// <summary>Why <paramref name="role"/> is not a role, or null when it is one.</summary>
    public static string? Invalid(string role)
    {
        if (role is Admin or Operator or Viewer or Finance or Hq or CarriersConnector)
        {
            return null;
        }
        if (role.StartsWith(SupplierPrefix, StringComparison.Ordinal))
        {
            return SupplierId().IsMatch(role[SupplierPrefix.Length..]) ? null : $"'{role}': a supplier id is 1–32 letters, digits, '-' or '_'.";
        }
        if (role.StartsWith(ConnectorPrefix, StringComparison.Ordinal))
        {
            return ChannelNames.TryParse(role[ConnectorPrefix.Length..], out _)
                ? null
                : $"'{role}': connector roles name a channel ({string.Join(", ", Enum.GetValues<Channel>().Select(c => c.ToRouteName()))}) or carriers.";
        }
        return $"'{role}' is not a role: admin, operator, viewer, finance, hq, supplier:{{id}} or connector:{{channel}}.";
    }

    public static string Connector(Channel channel) => ConnectorPrefix + channel.ToRouteName();

    /// <summary>The supplier a principal acts for, when one of its roles is supplier:{id}.</summary>
    public static string? SupplierOf(IEnumerable<string> roles) =>
        roles.FirstOrDefault(r => r.StartsWith(SupplierPrefix, StringComparison.Ordinal))?[SupplierPrefix.Length..];

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex SupplierId();
}
