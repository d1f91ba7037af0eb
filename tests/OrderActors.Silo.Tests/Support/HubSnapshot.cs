using System.Net;
using System.Text.Json.Nodes;

namespace OrderActors.Silo.Tests.Support;

/// <summary>
/// What a tenant's hub shows, in canonical JSON (object keys sorted, array items sorted), to compare before and after a
/// request: the order list, stock per SKU and the dashboard's counts (not its clock-driven rates, events or pulls).
/// </summary>
public sealed record HubSnapshot(string Orders, string Stock, string Dashboard)
{
    private static readonly string[] DashboardCounts =
        ["ordersByStatus", "totalOrders", "holds", "holdsByCode", "openBreakers", "breakers", "reroutes", "lowStock", "oversold"];

    private static readonly string[] OrderFields = ["orderId", "status", "holdCodes", "warehouseIds", "reroutes", "updatedAt"];

    public static async Task<HubSnapshot> TakeAsync(TenantApi api)
    {
        JsonNode orders = await ReadAsync(api, "/api/v1/orders?pageSize=200");
        var list = new JsonObject
        {
            ["total"] = orders["total"]!.DeepClone(),
            ["items"] = new JsonArray(orders["items"]!.AsArray().Select(o => (JsonNode)Pick(o!, OrderFields)).ToArray()),
        };
        var stock = new JsonObject();
        foreach (string sku in FuzzWorld.Skus)
        {
            stock[sku] = (await ReadAsync(api, $"/api/v1/inventory/{sku}")).DeepClone();
        }
        JsonNode dashboard = Pick(await ReadAsync(api, "/api/v1/dashboard"), DashboardCounts);
        return new HubSnapshot(Canonical(list), Canonical(stock), Canonical(dashboard));
    }

    /// <summary>Names what differs from <paramref name="other"/>.</summary>
    public IEnumerable<string> DifferencesFrom(HubSnapshot other)
    {
        if (Orders != other.Orders)
        {
            yield return "the order list";
        }
        if (Stock != other.Stock)
        {
            yield return "stock";
        }
        if (Dashboard != other.Dashboard)
        {
            yield return "the dashboard";
        }
    }

    /// <summary>True when no order is still on its way through Paid or Reserved.</summary>
    public bool IsSettled => !Orders.Contains("\"status\":\"Paid\"", StringComparison.Ordinal)
        && !Orders.Contains("\"status\":\"Reserved\"", StringComparison.Ordinal);

    private static async Task<JsonNode> ReadAsync(TenantApi api, string path)
    {
        (HttpStatusCode status, JsonNode? body) = await api.GetAsync(path);
        Assert.True(status == HttpStatusCode.OK && body is not null, $"GET {path}: {(int)status} {body?.ToJsonString()}");
        return body!;
    }

    private static JsonObject Pick(JsonNode node, IEnumerable<string> fields) =>
        new(fields.Select(f => KeyValuePair.Create(f, node[f]?.DeepClone())));

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical).Order(StringComparer.Ordinal)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
