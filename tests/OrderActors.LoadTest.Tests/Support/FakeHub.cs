using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using OrderStatus = OrderActors.Abstractions.Orders.OrderStatus;

namespace OrderActors.LoadTest.Tests.Support;

/// <summary>
/// Defects the fake hub can be told to have, so the audit can be shown to catch them, and how long it takes to
/// allocate one order (one at a time), so that a spike can outrun it.
/// </summary>
/// <param name="RateLimitEvery">Every Nth channel intake call is answered 429 with Retry-After (0: never).</param>
/// <param name="RefuseKeysAfter">After this many API keys, creating one fails with 500 (null: never).</param>
/// <param name="RefuseSetup">Every PUT of a warehouse fails with 500, so the run fails after its keys were created.</param>
public sealed record FakeHubFaults(
    bool LoseOneOrder = false, bool Oversell = false, int AllocationMs = 2, int RateLimitEvery = 0, int? RefuseKeysAfter = null, bool RefuseSetup = false);

/// <summary>
/// An in-process stand-in for the hub's REST facade, following docs/API.md for the routes the load test uses:
/// real connectors and intake rules, per-tenant state, idempotency keys, duplicate re-posts, asynchronous
/// reservation and allocation, breaker trips with reroutes, inventory, the order list's totals, the audit and the
/// dashboard, behind the access contract's credentials and roles (FakeHub.Access.cs). It lets the engine be tested
/// end to end without a silo.
/// </summary>
public sealed partial class FakeHub : HttpMessageHandler
{
    private readonly Dictionary<string, FakeTenant> _tenants = new(StringComparer.Ordinal);
    private readonly Channel<(FakeTenant Tenant, FakeOrder Order)> _work = Channel.CreateUnbounded<(FakeTenant, FakeOrder)>();
    private readonly FakeHubFaults _faults;
    private readonly Task _worker;
    private int _lost;

    public FakeHub(FakeHubFaults? faults = null)
    {
        _faults = faults ?? new FakeHubFaults();
        _worker = Task.Run(ProcessAsync);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string tenantName = request.Headers.TryGetValues("X-Tenant", out IEnumerable<string>? values) ? values.First() : "default";
        FakeTenant tenant;
        lock (_tenants)
        {
            tenant = _tenants.TryGetValue(tenantName, out FakeTenant? known) ? known : _tenants[tenantName] = new FakeTenant();
        }
        string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        string path = request.RequestUri!.AbsolutePath;
        (string caller, (int Status, JsonNode? Body)? refusal) = Authorize(request, tenantName, path);
        (int status, JsonNode? answer) = refusal ?? Answer(tenant, request, path, body);
        Calls.Enqueue(new FakeCall(request.Method.Method, path, tenantName, caller, status));
        HttpResponseMessage response = Respond(status, answer);
        if (status == 429)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        }
        return response;
    }

    private (int, JsonNode?) Answer(FakeTenant tenant, HttpRequestMessage request, string path, string body)
    {
        string? key = request.Headers.TryGetValues("Idempotency-Key", out IEnumerable<string>? keys) ? keys.First() : null;
        if (key is not null)
        {
            lock (tenant.Gate)
            {
                if (tenant.IdempotentAnswers.TryGetValue($"{key}|{path}|{body}", out string? cached))
                {
                    string[] parts = cached.Split('\n', 2);
                    return (int.Parse(parts[0]), JsonNode.Parse(parts[1]));
                }
            }
        }
        (int status, JsonNode? answer) = Route(tenant, request.Method, path, request.RequestUri!.Query, body);
        if (key is not null && status < 500)
        {
            lock (tenant.Gate)
            {
                tenant.IdempotentAnswers[$"{key}|{path}|{body}"] = $"{status}\n{answer?.ToJsonString() ?? "null"}";
            }
        }
        return (status, answer);
    }

    protected override void Dispose(bool disposing)
    {
        _work.Writer.TryComplete();
        if (disposing)
        {
            _worker.Wait(TimeSpan.FromSeconds(5));
        }
        base.Dispose(disposing);
    }

    private (int, JsonNode?) Route(FakeTenant tenant, HttpMethod method, string path, string query, string body)
    {
        JsonNode? json = body.Length == 0 ? null : JsonNode.Parse(body);
        Match match;
        if (method == HttpMethod.Post && path == "/api/v1/api-keys")
        {
            return CreateKey(json!);
        }
        if (method == HttpMethod.Delete && (match = Segments("/api/v1/api-keys/([^/]+)", path)).Success)
        {
            return RevokeKey(Uri.UnescapeDataString(match.Groups[1].Value));
        }
        if (_faults.RefuseSetup && method == HttpMethod.Put && path.StartsWith("/api/v1/warehouses/", StringComparison.Ordinal))
        {
            return (500, Problem(500, "setup refused"));
        }
        if (method == HttpMethod.Put && (match = Segments("/api/v1/(warehouses|skus|inventory|sku-mappings)/(.+)", path)).Success)
        {
            return Put(tenant, match.Groups[1].Value, match.Groups[2].Value.Split('/').Select(Uri.UnescapeDataString).ToArray(), json!);
        }
        if (method == HttpMethod.Post && (match = Segments("/api/v1/channels/([a-z]+)/orders", path)).Success)
        {
            return Intake(tenant, match.Groups[1].Value, json!);
        }
        if (method == HttpMethod.Post && (match = Segments("/api/v1/channels/([a-z]+)/orders/([^/]+)/events", path)).Success)
        {
            return Event(tenant, match.Groups[1].Value, Uri.UnescapeDataString(match.Groups[2].Value), json!);
        }
        if (method == HttpMethod.Post && (match = Segments("/api/v1/warehouses/([^/]+)/breaker/trip", path)).Success)
        {
            return Trip(tenant, Uri.UnescapeDataString(match.Groups[1].Value));
        }
        if (method == HttpMethod.Get && (match = Segments("/api/v1/orders/([^/]+)", path)).Success)
        {
            return Order(tenant, Uri.UnescapeDataString(match.Groups[1].Value));
        }
        if (method == HttpMethod.Get && path == "/api/v1/orders")
        {
            return List(tenant, query);
        }
        if (method == HttpMethod.Get && (match = Segments("/api/v1/inventory/([^/]+)", path)).Success)
        {
            return Inventory(tenant, Uri.UnescapeDataString(match.Groups[1].Value));
        }
        return path switch
        {
            "/api/v1/audit" => Audit(tenant),
            "/api/v1/dashboard" => Dashboard(tenant),
            _ => (404, Problem(404, $"no route {method} {path}")),
        };
    }

    private async Task ProcessAsync()
    {
        await foreach ((FakeTenant tenant, FakeOrder order) in _work.Reader.ReadAllAsync())
        {
            await Task.Delay(_faults.AllocationMs);
            lock (tenant.Gate)
            {
                if (order.Status == OrderStatus.Paid)
                {
                    tenant.Allocate(order, _faults.Oversell);
                }
            }
        }
    }

    private static Match Segments(string pattern, string path) => Regex.Match(path, $"^{pattern}$");

    private static JsonObject Problem(int status, string detail) => new() { ["title"] = "problem", ["status"] = status, ["detail"] = detail };

    private static HttpResponseMessage Respond(int status, JsonNode? body) => new((HttpStatusCode)status)
    {
        Content = new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8, status >= 400 ? "application/problem+json" : "application/json"),
    };
}
