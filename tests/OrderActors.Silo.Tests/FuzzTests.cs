using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;
using Xunit.Abstractions;

namespace OrderActors.Silo.Tests;

/// <summary>
/// Issue 13, "nothing half-applied": a hostile client's requests, generated from a fixed seed over every route and every
/// channel, never get a 5xx or no answer; a refused one (4xx) is a problem with a reason and changes no order, stock or
/// dashboard count; and afterwards the stock audit is clean.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class FuzzTests(SiloFixture silo, ITestOutputHelper output)
{
    private const int Seed = 13;
    private const int Cases = 420;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task HostileRequestsNeverFailTheServerAndRefusedOnesChangeNothing_Issue13()
    {
        (TenantApi api, FuzzWorld world) = await WorldAsync();
        IReadOnlyList<FuzzRoute> routes = FuzzRoutes.All(world);
        var mutator = new FuzzMutator(Seed);
        var failures = new List<string>();
        var answers = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        HubSnapshot baseline = await SettledAsync(api);

        for (int i = 0; i < Cases; i++)
        {
            FuzzCase request = mutator.Next(i, routes[i % routes.Count]);
            (int status, string body, bool byServer) = await SendAsync(api, request);
            answers[status / 100] = answers.GetValueOrDefault(status / 100) + 1;
            if (Verdict(status, body, byServer) is { } wrong)
            {
                failures.Add($"{request}: {wrong}");
            }
            if (status is >= 400 and < 500)
            {
                HubSnapshot after = await HubSnapshot.TakeAsync(api);
                string changed = string.Join(", ", after.DifferencesFrom(baseline));
                if (changed.Length > 0)
                {
                    failures.Add($"{request}: refused with {status} but changed {changed}");
                    baseline = await SettledAsync(api);
                }
            }
            else if (status is >= 200 and < 300)
            {
                baseline = await SettledAsync(api);
            }
        }

        output.WriteLine($"{Cases} cases over {routes.Count} routes in {clock.Elapsed.TotalSeconds:F1} s; answers by class: "
            + string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}xx {a.Value}")));
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }
        await Eventually.TrueAsync(async () => (await api.GetAsync("/api/v1/audit")).Body!["ok"]!.GetValue<bool>(), TimeSpan.FromSeconds(20),
            "the audit after the fuzz run");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases failed (seed {Seed}):\n{string.Join("\n", failures.Take(40))}");
    }

    /// <summary>
    /// What is wrong with an answer, or null: never a 5xx or none; a refusal is problem details, a 400 with its field
    /// errors — unless Kestrel itself refused the request line (a NUL in the path), before any of the hub's code ran.
    /// </summary>
    private static string? Verdict(int status, string body, bool byServer)
    {
        if (status < 0)
        {
            return body;
        }
        if (status >= 500)
        {
            return $"{status}: {Shorten(body)}";
        }
        if (status < 400 || byServer)
        {
            return null;
        }
        JsonNode? problem;
        try
        {
            problem = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            problem = null;
        }
        if (problem is not JsonObject || problem["status"] is null)
        {
            return $"{status} without problem details: {Shorten(body)}";
        }
        return status == 400 && problem["errors"] is not JsonObject ? $"400 without an errors map: {Shorten(body)}" : null;
    }

    /// <returns>The status (−1: no answer), the body, and whether Kestrel refused the request before the application saw it.</returns>
    private static async Task<(int Status, string Body, bool ByServer)> SendAsync(TenantApi api, FuzzCase request)
    {
        using var message = new HttpRequestMessage(request.Route.Method, request.Path);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        foreach ((string name, string value) in request.Headers)
        {
            // The client's default X-Tenant is sent only when the request has none.
            message.Headers.TryAddWithoutValidation(name, value);
        }
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using HttpResponseMessage response = await api.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            string body = request.Route.Streams && response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
            bool byServer = response.StatusCode == HttpStatusCode.BadRequest && body.Length == 0 && response.Headers.ConnectionClose == true;
            return ((int)response.StatusCode, body, byServer);
        }
        catch (OperationCanceledException)
        {
            return (-1, $"no answer within {RequestTimeout.TotalSeconds} s", false);
        }
        catch (HttpRequestException ex)
        {
            return (-1, $"the connection failed: {ex.Message}", false);
        }
    }

    /// <summary>The API tests' world, one order per channel settled, the mini-program's shipped (so tracking has a number to find).</summary>
    private async Task<(TenantApi Api, FuzzWorld World)> WorldAsync()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync(stock: 50);
        foreach ((string channel, string externalId, string _) in FuzzWorld.Orders)
        {
            string payload = channel == "miniapp" ? Fixtures.MiniappOrder(externalId) : Fixtures.Read(channel);
            await TenantApi.Ok(api.SendAsync(HttpMethod.Post, $"/api/v1/channels/{channel}/orders", payload));
            await api.SettledOrderAsync($"{channel}-{externalId}");
        }
        var world = new FuzzWorld(api.Tenant, "SF-FUZZ-1");
        (HttpStatusCode shipped, JsonNode? order) = await api.PostAsync("/api/v1/orders/miniapp-MP202601200815/ship", new { carrier = "SF", trackingNo = world.TrackingNo });
        Assert.True(shipped == HttpStatusCode.OK, $"the mini-program order did not ship: {order?.ToJsonString()}");
        return (api, world);
    }

    /// <summary>Waits until asynchronous work (allocation, stock level reports) is done: no order in Paid/Reserved and two reads alike.</summary>
    private static async Task<HubSnapshot> SettledAsync(TenantApi api)
    {
        DateTime deadline = DateTime.UtcNow + SettleLimit;
        HubSnapshot last = await HubSnapshot.TakeAsync(api);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            HubSnapshot next = await HubSnapshot.TakeAsync(api);
            if (next.IsSettled && !next.DifferencesFrom(last).Any())
            {
                return next;
            }
            last = next;
        }
        return last;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : $"{text[..200]}…";
}
