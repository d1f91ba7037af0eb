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

    /// <summary>The outbox on a short schedule: a failing channel is retried once and dead-lettered within seconds.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Notifications:PollPeriod"] = "00:00:00.200",
        ["Notifications:RetryBaseDelay"] = "00:00:00.200",
        ["Notifications:RetryMaxDelay"] = "00:00:00.500",
        ["Notifications:MaxAttempts"] = "2",
    };

    public async Task InitializeAsync() => _host = await SiloHost.StartAsync(Settings);

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
    /// unpaid, 7 held for an unmapped SKU, 11 held for an invalid phone, the rest allocated — once every order settled;
    /// and the demo's two delivered mini-program orders to return (<see cref="DemoTenant.AfterSalesOrders"/>).
    /// </summary>
    public async Task<DemoTenant> NewDemoTenantAsync()
    {
        string tenant = $"cli{Interlocked.Increment(ref _tenants)}-{Guid.NewGuid():N}"[..20];
        HttpClient api = Host.ClientWith(Host.AdminKey);
        api.DefaultRequestHeaders.Add("X-Tenant", tenant);
        using HttpResponseMessage seeded = await api.PostAsJsonAsync("/api/v1/demo", new { orders = DemoTenant.Orders });
        Assert.True(seeded.IsSuccessStatusCode, $"demo data: {(int)seeded.StatusCode} {await seeded.Content.ReadAsStringAsync()}");
        var demo = new DemoTenant(Host.BaseAddress, tenant, api, Host.AdminKey);
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

/// <summary>
/// A seeded tenant: runs the CLI against it (as the bootstrap admin unless a test signs in as someone else) and reads
/// the API directly, as the admin, to check what the CLI says.
/// </summary>
public sealed class DemoTenant(Uri server, string tenant, HttpClient api, string adminKey)
{
    public const int Orders = 12;

    /// <summary>
    /// Delivered mini-program orders the demo adds for after-sales, both with a 满300减50 coupon: two 150.00 night
    /// stands (NS-WAL-40), and tea, a cup, a gift towel set and 10.00 shipping.
    /// </summary>
    public const int AfterSalesOrders = 2;

    public string Tenant { get; } = tenant;

    public Uri Server { get; } = server;

    public HttpClient Api { get; } = api;

    /// <summary>The bootstrap admin's API key (every tenant), which <see cref="RunAsync"/> sends as ORDERACTORS_TOKEN.</summary>
    public string AdminKey { get; } = adminKey;

    /// <summary>The CLI in-process against this tenant as the admin (<c>--server</c> and <c>--tenant</c> added).</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunAsync(AsAdmin(CliConsoleKind.Redirected), args);

    public Task<CliRun> RunOnTerminalAsync(params string[] args) => RunAsync(AsAdmin(CliConsoleKind.Terminal), args);

    /// <summary>The CLI in-process against this tenant, with the environment, input and keyboard of <paramref name="process"/>.</summary>
    public Task<CliRun> RunAsync(CliProcess process, params string[] args) => CliRun.InProcessAsync(process, [.. args, .. TargetArgs]);

    /// <summary>Creates (or replaces) a user of this tenant through the admin API.</summary>
    public async Task CreateUserAsync(string user, string password, params string[] roles)
    {
        using HttpResponseMessage response = await Api.PutAsJsonAsync($"/api/v1/users/{user}", new { password, roles, tenants = new[] { Tenant } });
        Assert.True(response.IsSuccessStatusCode, $"PUT user {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The CLI in-process against this silo without <c>--tenant</c>: for commands that act in no tenant (login) or
    /// whose own <c>--tenant</c> is what they grant (user set, apikey create).
    /// </summary>
    public Task<CliRun> RunOnServerAsync(CliProcess process, params string[] args) => CliRun.InProcessAsync(process, [.. args, "--server", Server.ToString()]);

    /// <summary>Signs <paramref name="user"/> in with <c>orderactors login</c>, kept in the config home of <paramref name="process"/>.</summary>
    public async Task SignInAsync(CliProcess process, string user, string password)
    {
        CliRun run = await RunOnServerAsync(process with { Stdin = password }, "login", "--user", user, "--password-stdin");
        Assert.True(run.ExitCode == 0, $"login {user}: {run}");
    }

    public string[] TargetArgs => ["--server", Server.ToString(), "--tenant", Tenant];

    private CliProcess AsAdmin(CliConsoleKind console) =>
        new() { Console = console, Environment = new Dictionary<string, string?> { ["ORDERACTORS_TOKEN"] = AdminKey } };

    public async Task<JsonNode> GetAsync(string path)
    {
        using HttpResponseMessage response = await Api.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>POSTs <paramref name="body"/> as the admin and answers the response body, asserting a success.</summary>
    public async Task<JsonNode> PostAsync(string path, object? body)
    {
        using HttpResponseMessage response = await Api.PostAsJsonAsync(path, body);
        string content = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {content}");
        return JsonNode.Parse(content)!;
    }

    /// <summary>Ships an allocated order of the demo data (returns need a shipped order) and answers the shipped order.</summary>
    public async Task<JsonNode> ShipAsync(string orderId) =>
        await PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "SF", trackingNo = $"SF{Guid.NewGuid():N}"[..15] });

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
