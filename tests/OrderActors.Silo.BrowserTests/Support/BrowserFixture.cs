using System.Net.Http.Json;
using Microsoft.Playwright;
using OrderActors.Silo.TestHost;

namespace OrderActors.Silo.BrowserTests.Support;

/// <summary>
/// One silo (real Kestrel, fresh PostgreSQL) and one headless Debian Chromium shared by the browser tests.
/// Playwright never downloads a browser here: it drives /usr/bin/chromium (scripts/ensure-chromium.sh
/// installs it) through the Node driver bundled in its NuGet package. Each session is a browser context of
/// its own (its own cookies), signed in as a user created for it, in a tenant nobody else uses.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The password of every user the tests create (the server wants at least 10 characters).</summary>
    public const string Password = "browser-test-password";

    /// <summary>The notification outbox on a short schedule: a failing channel is retried once and dead-lettered within seconds.</summary>
    private static readonly IReadOnlyDictionary<string, string?> OutboxSettings = new Dictionary<string, string?>
    {
        ["Notifications:PollPeriod"] = "00:00:00.200",
        ["Notifications:RetryBaseDelay"] = "00:00:00.200",
        ["Notifications:RetryMaxDelay"] = "00:00:00.500",
        ["Notifications:MaxAttempts"] = "2",
    };

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _tenants;

    public SiloHost Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/ensure-chromium.sh (Debian's chromium package).");
        }
        Silo = await SiloHost.StartAsync(OutboxSettings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        // Live updates arrive within a second or two, but this machine may be busy building other things.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A tenant no other test uses.</summary>
    public string NewTenant() => $"ui{Interlocked.Increment(ref _tenants)}-{Guid.NewGuid():N}"[..20];

    /// <summary>A browser context with no session: what someone who has not signed in sees.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        IBrowserContext context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Silo.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>A phone (375×812, touch) with no session: a buyer opening the link of a shipping SMS.</summary>
    public async Task<IBrowserContext> NewPhoneContextAsync()
    {
        IBrowserContext context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Silo.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>Creates the user, or gives an existing one these roles and tenants (PUT /api/v1/users/{user} with the admin key).</summary>
    public async Task PutUserAsync(string user, IReadOnlyList<string> roles, IReadOnlyList<string> tenants)
    {
        using HttpResponseMessage response = await Silo.Client.PutAsJsonAsync($"/api/v1/users/{user}", new { password = Password, roles, tenants });
        Assert.True(response.IsSuccessStatusCode, $"PUT /api/v1/users/{user} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// A page signed in as a user with <paramref name="role"/> holding only <paramref name="tenant"/> (a new tenant when null),
    /// and an admin API client for that tenant, to arrange and to check what the page did.
    /// </summary>
    public async Task<UiSession> NewSessionAsync(string? tenant = null, string role = "operator")
    {
        tenant ??= NewTenant();
        string user = $"{role}-{tenant}";
        await PutUserAsync(user, [role], [tenant]);
        return await SignedInSessionAsync(user, tenant);
    }

    /// <summary>A page signed in as an existing <paramref name="user"/> (password <see cref="Password"/>), checked against <paramref name="tenant"/>.</summary>
    public async Task<UiSession> SignedInSessionAsync(string user, string tenant)
    {
        IBrowserContext context = await NewContextAsync();
        IAPIResponse signIn = await context.APIRequest.PostAsync("/api/v1/auth/session", new() { DataObject = new { user, password = Password } });
        Assert.True(signIn.Ok, $"signing in as {user} → {signIn.Status}: {await signIn.TextAsync()}");
        return new UiSession(context, await context.NewPageAsync(), AdminClient(tenant), tenant, user);
    }

    /// <summary>An API client with the bootstrap admin key, in <paramref name="tenant"/>.</summary>
    public HttpClient AdminClient(string tenant)
    {
        HttpClient api = Silo.ClientWith(Silo.AdminKey);
        api.Timeout = TimeSpan.FromSeconds(90);
        api.DefaultRequestHeaders.Add("X-Tenant", tenant);
        return api;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
