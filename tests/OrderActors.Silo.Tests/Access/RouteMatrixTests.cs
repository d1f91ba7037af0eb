using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests.Access;

/// <summary>
/// Every route of the endpoint data source against every role: the expected policy of each route and what each role
/// may do are written here, apart from the server's own tables, so a new route without a policy, or a policy that
/// drifted from the contract, fails this suite.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class RouteMatrixTests(SiloFixture silo)
{
    private const string Anonymous = "anonymous";
    private const string DashboardPrefix = "/orleans-dashboard";

    /// <summary>The contract (../shared/API.md "Access", docs/API.md): the policy of each route.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["GET /healthz"] = Anonymous,
        ["GET /readyz"] = Anonymous,
        ["POST /api/v1/auth/login"] = Anonymous,
        ["POST /api/v1/auth/session"] = Anonymous,
        ["GET /t/{token}"] = Anonymous,
        ["DELETE /api/v1/auth/session"] = "principal",
        ["GET /api/v1/auth/me"] = "principal",
        ["GET /openapi/v1.json"] = "principal",
        ["GET /api/v1/users/"] = "access.admin",
        ["PUT /api/v1/users/{user}"] = "access.admin",
        ["GET /api/v1/api-keys/"] = "access.admin",
        ["POST /api/v1/api-keys/"] = "access.admin",
        ["DELETE /api/v1/api-keys/{keyId}"] = "access.admin",
        ["GET /api/v1/audit-log"] = "audit.read",
        ["PUT /api/v1/warehouses/{warehouseId}"] = "setup.write",
        ["GET /api/v1/warehouses/"] = "read",
        ["GET /api/v1/warehouses/{warehouseId}"] = "read",
        ["POST /api/v1/warehouses/{warehouseId}/breaker/trip"] = "breakers.write",
        ["POST /api/v1/warehouses/{warehouseId}/breaker/reset"] = "breakers.write",
        ["POST /api/v1/warehouses/{warehouseId}/sensors"] = "setup.write",
        ["PUT /api/v1/skus/{sku}"] = "setup.write",
        ["GET /api/v1/skus/"] = "read",
        ["GET /api/v1/skus/{sku}"] = "read",
        ["PUT /api/v1/inventory/{warehouseId}/{sku}"] = "setup.write",
        ["GET /api/v1/inventory/{sku}"] = "read",
        ["PUT /api/v1/sku-mappings/{channel}/{platformSkuId}"] = "setup.write",
        ["GET /api/v1/sku-mappings/{channel}/{platformSkuId}"] = "read",
        ["POST /api/v1/channels/{channel}/orders"] = "intake",
        ["POST /api/v1/channels/{channel}/orders/{externalOrderId}/events"] = "intake",
        ["GET /api/v1/channels/pulls"] = "read",
        ["GET /api/v1/channels/{channel}/pull"] = "read",
        ["POST /api/v1/channels/{channel}/pull"] = "channels.pull",
        ["GET /api/v1/channels/{channel}/pull/runs/{runId}"] = "read",
        ["POST /api/v1/carriers/{carrier}/tracking"] = "carriers",
        ["GET /api/v1/orders/{orderId}"] = "orders.read",
        ["GET /api/v1/orders/"] = "orders.read",
        ["POST /api/v1/orders/{orderId}/ship"] = "orders.ship",
        ["POST /api/v1/orders/{orderId}/cancel"] = "orders.write",
        ["POST /api/v1/orders/{orderId}/release-hold"] = "orders.write",
        ["POST /api/v1/orders/{orderId}/receiver"] = "orders.write",
        ["POST /api/v1/orders/{orderId}/deliver"] = "orders.write",
        ["POST /api/v1/orders/{orderId}/complete"] = "orders.write",
        ["POST /api/v1/orders/{orderId}/returns"] = "returns.write",
        ["GET /api/v1/returns/"] = "returns.read",
        ["GET /api/v1/returns/counts"] = "returns.read",
        ["GET /api/v1/returns/{rmaId}"] = "returns.read",
        ["GET /api/v1/returns/{rmaId}/return-address.svg"] = "returns.read",
        ["POST /api/v1/returns/{rmaId}/approve"] = "returns.write",
        ["POST /api/v1/returns/{rmaId}/reject"] = "returns.write",
        ["POST /api/v1/returns/{rmaId}/receive"] = "returns.write",
        ["POST /api/v1/returns/{rmaId}/refund"] = "returns.write",
        ["POST /api/v1/returns/{rmaId}/close"] = "returns.write",
        ["POST /api/v1/returns/{rmaId}/reason"] = "returns.write",
        ["GET /api/v1/return-reasons/"] = "returns.read",
        ["POST /api/v1/return-reasons/classify"] = "returns.read",
        ["GET /api/v1/notification-channels/"] = "notifications.read",
        ["PUT /api/v1/notification-channels/{name}"] = "notifications.write",
        ["DELETE /api/v1/notification-channels/{name}"] = "notifications.write",
        ["GET /api/v1/notifications/"] = "notifications.read",
        ["GET /api/v1/notifications/counts"] = "notifications.read",
        ["POST /api/v1/notifications/{notificationId}/retry"] = "notifications.write",
        ["GET /api/v1/dashboard"] = "read",
        ["GET /api/v1/audit"] = "read",
        ["POST /api/v1/admin/projections/orders/rebuild"] = "setup.write",
        ["POST /api/v1/demo"] = "demo.seed",
        ["GET /api/v1/events"] = "read",
        ["GET /api/v1/cluster"] = "read",
    };

    /// <summary>What each role may do (the intake route is posted as taobao, so connector:taobao may and connector:jd may not).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["admin"] = ["principal", "read", "orders.read", "orders.write", "orders.ship", "returns.read", "returns.write", "notifications.read", "notifications.write", "setup.write", "breakers.write", "channels.pull", "intake", "carriers", "demo.seed", "access.admin", "audit.read"],
        ["operator"] = ["principal", "read", "orders.read", "orders.write", "orders.ship", "returns.read", "returns.write", "notifications.read", "notifications.write", "setup.write", "breakers.write", "channels.pull", "carriers"],
        ["viewer"] = ["principal", "read", "orders.read", "returns.read"],
        ["finance"] = ["principal", "read", "orders.read", "returns.read"],
        ["hq"] = ["principal", "read", "orders.read", "returns.read", "notifications.read", "audit.read"],
        ["supplier:s1"] = ["principal", "orders.read", "orders.ship"],
        ["connector:taobao"] = ["principal", "intake"],
        ["connector:jd"] = ["principal"],
        ["connector:carriers"] = ["principal", "carriers"],
    };

    [PostgresFact]
    public void EveryRouteHasThePolicyTheContractGivesIt()
    {
        var problems = new List<string>();
        foreach ((string route, RouteEndpoint endpoint) in Routes())
        {
            string declared = DeclaredPolicy(endpoint);
            string? expected = route.Contains(DashboardPrefix, StringComparison.Ordinal) ? "cluster.admin" : Expected.GetValueOrDefault(route);
            if (expected is null)
            {
                problems.Add($"{route}: not in this test's table (declared {declared}) — add it with the policy the contract gives it");
            }
            else if (declared != expected)
            {
                problems.Add($"{route}: declares {declared}, the contract says {expected}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.All(Expected.Keys, route => Assert.Contains(route, Routes().Select(r => r.Route)));
    }

    [PostgresFact]
    public async Task EachRoleGetsWhatItsRoleAllowsAndNoCredentialGets401()
    {
        string tenant = $"matrix-{Guid.NewGuid():N}"[..20];
        Dictionary<string, HttpClient> clients = new() { ["none"] = silo.Host.ClientWith(null) };
        foreach (string role in Allowed.Keys)
        {
            clients[role] = silo.Host.ClientWith(await Principals.CreateKeyAsync(silo.Host, tenant, role));
        }
        var wrong = new List<string>();
        foreach ((string route, RouteEndpoint endpoint) in Routes())
        {
            string policy = DeclaredPolicy(endpoint);
            foreach ((string role, HttpClient client) in clients)
            {
                bool allowed = policy == Anonymous || (role != "none" && Allowed[role].Contains(policy));
                HttpStatusCode status = await SendAsync(client, endpoint);
                string outcome = allowed
                    ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? $"{(int)status}, expected neither 401 nor 403" : ""
                    : role == "none"
                        ? status == HttpStatusCode.Unauthorized ? "" : $"{(int)status}, expected 401"
                        : status == HttpStatusCode.Forbidden ? "" : $"{(int)status}, expected 403";
                if (outcome.Length > 0)
                {
                    wrong.Add($"{role} → {route}: {outcome}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [PostgresFact]
    public async Task RefusalsAreProblemDetailsAndA401NamesTheBearerScheme()
    {
        using HttpClient anonymous = silo.Host.ClientWith(null);
        using HttpClient viewer = silo.Host.ClientWith(await Principals.CreateKeyAsync(silo.Host, "default", "viewer"));

        using HttpResponseMessage unauthorized = await anonymous.GetAsync("/api/v1/orders");
        using HttpResponseMessage forbidden = await viewer.PostAsync("/api/v1/warehouses/WH-1/breaker/trip", Json("""{"reason":"x"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
        Assert.Contains(unauthorized.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    private IEnumerable<(string Route, RouteEndpoint Endpoint)> Routes() =>
        silo.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => ($"{m} {e.RoutePattern.RawText}", e)));

    /// <summary>The policy the endpoint declares: anonymous, or the single named policy (the fallback would be "principal").</summary>
    private static string DeclaredPolicy(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Anonymous;
        }
        string[] policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToArray();
        return policies.Length == 1 ? policies[0] : policies.Length == 0 ? "(none)" : string.Join('+', policies);
    }

    /// <summary>A request to the route: parameters filled in (the channel is taobao), a body that does not bind, so an allowed call stops at validation.</summary>
    private static async Task<HttpStatusCode> SendAsync(HttpClient client, RouteEndpoint endpoint)
    {
        string method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods[0] ?? "GET";
        string path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "channel" } => "taobao",
            RoutePatternParameterPart { Name: "carrier" } => "sf",
            RoutePatternParameterPart { Name: "orderId" } => "taobao-matrix-none",
            RoutePatternParameterPart { Name: "runId" } => "1",
            RoutePatternParameterPart number when number.ParameterPolicies.Any(p => p.Content == "int") => "1",
            RoutePatternParameterPart { IsCatchAll: true } => "index.html",
            _ => "X1",
        }))));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = Json("""{"unfinished": """);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return response.StatusCode;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
