using Microsoft.Playwright;
using OrderActors.Silo.TestHost;

namespace OrderActors.Silo.BrowserTests.Support;

/// <summary>
/// One silo (real Kestrel, fresh PostgreSQL) and one headless Debian Chromium shared by the browser tests.
/// Playwright never downloads a browser here: it drives /usr/bin/chromium (scripts/ensure-chromium.sh
/// installs it) through the Node driver bundled in its NuGet package. Each test gets its own tenant.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private DirectoryInfo? _profile;
    private int _tenants;

    public SiloHost Silo { get; private set; } = null!;

    public IBrowserContext Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/ensure-chromium.sh (Debian's chromium package).");
        }
        Silo = await SiloHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _profile = Directory.CreateTempSubdirectory("orderactors-chromium-");
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        Browser.SetDefaultTimeout(30_000);
        // Live updates arrive within a second or two, but this machine may be busy building other things.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A page of the admin UI and an API client, both for a tenant nobody else uses, or for <paramref name="tenant"/>.</summary>
    public async Task<UiSession> NewSessionAsync(string? tenant = null)
    {
        tenant ??= $"ui{Interlocked.Increment(ref _tenants)}-{Guid.NewGuid():N}"[..20];
        IPage page = await Browser.NewPageAsync();
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Tenant"] = tenant });
        var api = new HttpClient { BaseAddress = Silo.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        api.DefaultRequestHeaders.Add("X-Tenant", tenant);
        return new UiSession(page, api, Silo.BaseAddress, tenant);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _profile?.Delete(recursive: true);
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
