using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderActors.Silo.Tests.Support;

/// <summary>
/// One route of the REST facade with a request it accepts. <see cref="Template"/> is the path with each id or query
/// value the fuzzer may replace in braces (<c>/api/v1/orders/{miniapp-MP202601200815}/ship</c>).
/// </summary>
public sealed record FuzzRoute(string Name, HttpMethod Method, string Template, string? Body = null, string ContentType = "application/json")
{
    public const string Form = "application/x-www-form-urlencoded";

    /// <summary>Keeps a mutated body within what a test may run (the demo seeds up to 5000 orders when asked).</summary>
    public Func<string, string> Bound { get; init; } = body => body;

    /// <summary>Server-sent events: only the status line is awaited.</summary>
    public bool Streams => Template.StartsWith("/api/v1/events", StringComparison.Ordinal);
}

/// <summary>Every route the facade maps, each channel's intake and status messages among them, over <see cref="FuzzWorld"/>.</summary>
public static class FuzzRoutes
{
    public static IReadOnlyList<FuzzRoute> All(FuzzWorld world)
    {
        var routes = new List<FuzzRoute>
        {
            new("put warehouse", HttpMethod.Put, "/api/v1/warehouses/{WH-HZ}",
                """{ "name": "杭州冷链仓", "latitude": 30.27, "longitude": 120.15, "region": "华东", "coldChain": true, "dailyCapacity": 5000, "backups": ["WH-SH"] }"""),
            new("list warehouses", HttpMethod.Get, "/api/v1/warehouses"),
            new("get warehouse", HttpMethod.Get, "/api/v1/warehouses/{WH-SH}"),
            new("trip breaker", HttpMethod.Post, "/api/v1/warehouses/{WH-SH}/breaker/trip", """{ "reason": "演练" }"""),
            new("reset breaker", HttpMethod.Post, "/api/v1/warehouses/{WH-SH}/breaker/reset"),
            new("sensors", HttpMethod.Post, "/api/v1/warehouses/{WH-HZ}/sensors",
                $$"""{ "temperatureC": 4.5, "humidity": 40, "at": "{{DateTimeOffset.UtcNow:O}}" }"""),
            new("put sku", HttpMethod.Put, "/api/v1/skus/{MJ-NS-WAL-40}", """{ "name": "床头柜", "coldChain": false, "listPriceFen": 15000, "buckets": 2 }"""),
            new("list skus", HttpMethod.Get, "/api/v1/skus"),
            new("get sku", HttpMethod.Get, "/api/v1/skus/{MJ-PIL-LTX-STD}"),
            new("put inventory", HttpMethod.Put, "/api/v1/inventory/{WH-SH}/{MJ-PIL-LTX-STD}", """{ "onHand": 50, "safetyStock": 0 }"""),
            new("get inventory", HttpMethod.Get, "/api/v1/inventory/{MJ-NS-WAL-40}"),
            new("put mapping", HttpMethod.Put, "/api/v1/sku-mappings/{jd}/{100012345601}", """{ "sku": "MJ-NS-WAL-40", "variant": null }"""),
            new("get mapping", HttpMethod.Get, "/api/v1/sku-mappings/{pdd}/{1234567002}"),
            new("meituan form push", HttpMethod.Post, "/api/v1/channels/{meituan}/orders", Fixtures.Read("meituan", "real-push.form"), FuzzRoute.Form),
            new("list pulls", HttpMethod.Get, "/api/v1/channels/pulls"),
            new("get pull", HttpMethod.Get, "/api/v1/channels/{jd}/pull"),
            new("start pull", HttpMethod.Post, "/api/v1/channels/{taobao}/pull", """{ "from": "2026-01-20T08:00:00+08:00", "to": "2026-01-20T14:00:00+08:00" }"""),
            new("get pull run", HttpMethod.Get, "/api/v1/channels/{pdd}/pull/runs/{run-1}"),
            new("carrier tracking", HttpMethod.Post, "/api/v1/carriers/{sf}/tracking",
                $$"""{ "trackingNo": "{{world.TrackingNo}}", "event": "picked_up", "at": "{{DateTimeOffset.UtcNow:O}}" }"""),
            new("list orders", HttpMethod.Get, "/api/v1/orders?status={OnHold}&channel={jd}&warehouseId={WH-HZ}&holdCode={unmapped_sku}&page={1}&pageSize={20}"),
            new("list orders by time", HttpMethod.Get, "/api/v1/orders?from={2026-01-01T00:00:00Z}&to={2030-01-01T00:00:00Z}"),
            new("dashboard", HttpMethod.Get, "/api/v1/dashboard"),
            new("audit", HttpMethod.Get, "/api/v1/audit"),
            new("rebuild projection", HttpMethod.Post, "/api/v1/admin/projections/orders/rebuild"),
            new("demo", HttpMethod.Post, "/api/v1/demo", """{ "orders": -1 }""") { Bound = NoDemoOrders },
            new("events", HttpMethod.Get, "/api/v1/events?tenant={" + world.Tenant + "}"),
            new("healthz", HttpMethod.Get, "/healthz"),
            new("readyz", HttpMethod.Get, "/readyz"),
            new("cluster", HttpMethod.Get, "/api/v1/cluster"),
            new("openapi", HttpMethod.Get, "/openapi/{v1}.json"),
        };
        foreach ((string channel, string externalId, string eventFile) in FuzzWorld.Orders)
        {
            string orderId = $"{channel}-{externalId}";
            routes.Add(new($"{channel} order", HttpMethod.Post, $"/api/v1/channels/{{{channel}}}/orders", Fixtures.Read(channel)));
            routes.Add(new($"{channel} event", HttpMethod.Post, $"/api/v1/channels/{{{channel}}}/orders/{{{externalId}}}/events", Fixtures.Read(channel, eventFile)));
            routes.Add(new($"{channel} get order", HttpMethod.Get, $"/api/v1/orders/{{{orderId}}}"));
            routes.Add(new($"{channel} ship", HttpMethod.Post, $"/api/v1/orders/{{{orderId}}}/ship", """{ "carrier": "YTO", "trackingNo": "YT-FUZZ-1" }"""));
            routes.Add(new($"{channel} cancel", HttpMethod.Post, $"/api/v1/orders/{{{orderId}}}/cancel", """{ "reason": "买家要求取消" }"""));
            routes.Add(new($"{channel} release", HttpMethod.Post, $"/api/v1/orders/{{{orderId}}}/release-hold", """{ "note": "电话已核实" }"""));
            routes.Add(new($"{channel} receiver", HttpMethod.Post, $"/api/v1/orders/{{{orderId}}}/receiver",
                """{ "name": "李雷", "phone": "13912342468", "detail": "阜通东大街6号" }"""));
            routes.Add(new($"{channel} deliver", HttpMethod.Post, $"/api/v1/orders/{{{orderId}}}/deliver"));
            routes.Add(new($"{channel} complete", HttpMethod.Post, $"/api/v1/orders/{{{orderId}}}/complete"));
        }
        return routes;
    }

    /// <summary>A demo body the fuzzer made valid asks for no orders (missing or null means 300).</summary>
    private static string NoDemoOrders(string body)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }
        if (parsed is not JsonObject demo)
        {
            return body;
        }
        bool seeds = demo["orders"] switch
        {
            null => true,
            JsonValue value when value.TryGetValue(out double orders) => orders >= 1,
            _ => false,
        };
        if (seeds)
        {
            demo["orders"] = 0;
        }
        return demo.ToJsonString();
    }
}

/// <summary>The tenant the fuzzer works in: the test world of <see cref="TenantApi.SetUpWorldAsync"/>, one order per channel, one shipped.</summary>
public sealed record FuzzWorld(string Tenant, string TrackingNo)
{
    /// <summary>Per channel: the fixture order's external id and a status message for it.</summary>
    public static readonly (string Channel, string ExternalId, string EventFile)[] Orders =
    [
        ("taobao", "4012345678901234567", "event-paid.json"),
        ("jd", "298765432101", "event-shipped.json"),
        ("pdd", "260120-481516234200815", "event-shipped.json"),
        ("douyin", "6930123456789012345", "event-paid.json"),
        ("meituan", "27061900338318741", "event-shipped.json"),
        ("miniapp", "MP202601200815", "event-delivered.json"),
    ];

    public static readonly string[] Skus = ["MJ-NS-WAL-40", "MJ-PIL-LTX-STD"];
}
