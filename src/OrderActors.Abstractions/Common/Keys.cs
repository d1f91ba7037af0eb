using System.Globalization;
using System.Text.RegularExpressions;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Abstractions.Common;

/// <summary>Grain keys. Every key starts with the tenant: <c>tenant/…</c>.</summary>
public static partial class Keys
{
    /// <summary>What an id that becomes part of a key or a route segment may hold.</summary>
    public const string IdRule = "letters, digits and _ . : - (at most 64 characters)";

    /// <summary>True when <paramref name="id"/> follows <see cref="IdRule"/>.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static string Tenant(string tenant) => tenant;

    public static string Order(string tenant, string orderId) => $"{tenant}/{orderId}";

    /// <summary>The hub's order id for a channel order: <c>{channel}-{externalOrderId}</c>.</summary>
    public static string OrderId(Channel channel, string externalOrderId) => $"{channel.ToRouteName()}-{externalOrderId}";

    /// <summary>An RMA's key; its id is <c>{orderId}-R{n}</c>.</summary>
    public static string Rma(string tenant, string rmaId) => $"{tenant}/{rmaId}";

    public static string Warehouse(string tenant, string warehouseId) => $"{tenant}/{warehouseId}";

    public static string Stock(string tenant, string sku, string warehouseId) => $"{tenant}/{sku}@{warehouseId}";

    public static string Bucket(string tenant, string sku, string warehouseId, int bucket) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenant}/{sku}@{warehouseId}#{bucket}");

    public static string Mapping(string tenant, Channel channel, string platformSkuId) => $"{tenant}/{channel.ToRouteName()}/{platformSkuId}";

    /// <summary>A tracking number's index key. Carrier codes compare case-insensitively (<c>sf</c> is <c>SF</c>), so the key holds the code upper-cased.</summary>
    public static string Tracking(string tenant, string carrier, string trackingNo) => $"{tenant}/{carrier.ToUpperInvariant()}/{trackingNo}";

    /// <summary>The key a tracking number got before carrier codes were case-insensitive (issue 13): the code as the shipment sent it.</summary>
    public static string TrackingAsSent(string tenant, string carrier, string trackingNo) => $"{tenant}/{carrier}/{trackingNo}";

    public static string Fingerprint(string tenant, string fingerprint) => $"{tenant}/{fingerprint}";

    /// <summary>The tenant part of a key.</summary>
    public static string TenantOf(string key) => key[..key.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The part of a key after the tenant.</summary>
    public static string LocalPart(string key) => key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>Splits a stock key's local part <c>sku@warehouse[#bucket]</c>.</summary>
    public static (string Sku, string WarehouseId, int Bucket) ParseStock(string key)
    {
        string local = LocalPart(key);
        int at = local.LastIndexOf('@');
        int hash = local.IndexOf('#', at + 1);
        return hash < 0
            ? (local[..at], local[(at + 1)..], 0)
            : (local[..at], local[(at + 1)..hash], int.Parse(local[(hash + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>An RMA id (<c>{orderId}-R{n}</c>): an order id's characters, at most 80 of them.</summary>
    public static bool IsValidRmaId(string id) => RmaIdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,80}$")]
    private static partial Regex RmaIdPattern();
}
