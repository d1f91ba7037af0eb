using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderActors.Silo.TestHost;

namespace OrderActors.Cli.Tests.Support;

/// <summary>One real silo (Kestrel on a real port, fresh PostgreSQL) shared by the CLI tests; each test seeds its own tenant.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private int _tenants;

    private SiloHost? _host;

    public SiloHost Host => _host ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync() => _host = await SiloHost.StartAsync();

    /// <summary>xunit disposes the fixture even when every test was skipped and it never started.</summary>
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>
    /// A tenant nobody else uses with the demo data: six warehouses, six SKUs with stock, and twelve orders — index 3
    /// unpaid, 7 held for an unmapped SKU, 11 held for an invalid phone, the rest allocated — once every order settled.
    /// </summary>
    public async Task<DemoTenant> NewDemoTenantAsync()
    {
        string tenant = $"cli{Interlocked.Increment(ref _tenants)}-{Guid.NewGuid():N}"[..20];
        var api = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Add("X-Tenant", tenant);
        using HttpResponseMessage seeded = await api.PostAsJsonAsync("/api/v1/demo", new { orders = DemoTenant.Orders });
        Assert.True(seeded.IsSuccessStatusCode, $"demo data: {(int)seeded.StatusCode} {await seeded.Content.ReadAsStringAsync()}");
        var demo = new DemoTenant(Host.BaseAddress, tenant, api);
        await demo.WaitUntilSettledAsync();
        return demo;
    }
}

/// <summary>The CLI test classes that share the silo.</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}

/// <summary>A seeded tenant: runs the CLI against it and reads the API directly to check what the CLI says.</summary>
public sealed class DemoTenant(Uri server, string tenant, HttpClient api)
{
    public const int Orders = 12;

    public string Tenant { get; } = tenant;

    public Uri Server { get; } = server;

    public HttpClient Api { get; } = api;

    /// <summary>The CLI in-process against this tenant (<c>--server</c> and <c>--tenant</c> added).</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRun.InProcessAsync(CliConsoleKind.Redirected, [.. args, .. TargetArgs]);

    public Task<CliRun> RunOnTerminalAsync(params string[] args) => CliRun.InProcessAsync(CliConsoleKind.Terminal, [.. args, .. TargetArgs]);

    public string[] TargetArgs => ["--server", Server.ToString(), "--tenant", Tenant];

    public async Task<JsonNode> GetAsync(string path)
    {
        using HttpResponseMessage response = await Api.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Order ids from the order list, e.g. <c>holdCode=unmapped_sku</c>.</summary>
    public async Task<string[]> OrderIdsAsync(string query) =>
        (await GetAsync($"/api/v1/orders?{query}&pageSize=200"))["items"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()).ToArray();

    public async Task<string> OrderIdAsync(string query) => Assert.Single(await OrderIdsAsync(query));

    /// <summary>Allocation runs after intake answered: wait until no order is still Paid or Reserved.</summary>
    public async Task WaitUntilSettledAsync()
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await OrderIdsAsync("status=Paid")).Length + (await OrderIdsAsync("status=Reserved")).Length > 0
            || (long)(await GetAsync("/api/v1/orders?pageSize=1"))["total"]! < Orders)
        {
            Assert.True(DateTime.UtcNow < deadline, $"tenant {Tenant}: orders did not settle within 30 s");
            await Task.Delay(100);
        }
    }
}
