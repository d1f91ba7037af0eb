using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Testing;

namespace OrderActors.Silo.TestHost;

/// <summary>
/// The real silo application (Program) on a real Kestrel port over a fresh PostgreSQL database: what the
/// CLI, a browser and the load test talk to. Its access data (admin.json, the token signing key) is in a directory of
/// its own; <see cref="Client"/> signs in with the bootstrap admin's API key. Dispose stops the silo, drops the database
/// and deletes that directory.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly Factory _factory;
    private readonly PostgresTestDatabase _database;

    private SiloHost(Factory factory, PostgresTestDatabase database, Uri baseAddress, string dataDirectory)
    {
        _factory = factory;
        _database = database;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where the silo wrote admin.json.</summary>
    public string DataDirectory { get; }

    /// <summary>The bootstrap admin's API key (every tenant).</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>The bootstrap admin's password (user <c>admin</c>).</summary>
    public string AdminPassword { get; private set; } = "";

    /// <summary>A client that sends <paramref name="token"/> (an API key or a JWT) as its bearer credential.</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public Uri BaseAddress { get; }

    /// <summary>An HTTP client pointed at the silo.</summary>
    public HttpClient Client { get; }

    public string DatabaseConnectionString => _database.ConnectionString;

    public IServiceProvider Services => _factory.Services;

    /// <param name="settings">Extra configuration (e.g. "Hub:AllocationAttempts"). Sign-ins and tracking pages are not
    /// rate limited per client unless a test sets <c>Access:LoginAttemptsPerMinute</c> or <c>Hub:Tracking:PagesPerMinute</c>:
    /// every test calls from 127.0.0.1.</param>
    /// <param name="services">Replaces services after the silo registered its own (a test's faulty storage).</param>
    public static async Task<SiloHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_api");
        int port = FreePort();
        string dataDirectory = Directory.CreateTempSubdirectory("oa-access-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Access:DataDirectory"] = dataDirectory,
            ["Access:LoginAttemptsPerMinute"] = "100000",
            ["Hub:Tracking:PagesPerMinute"] = "100000",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var factory = new Factory(database.ConnectionString, all, services);
        factory.UseKestrel(port);
        factory.StartServer();
        var host = new SiloHost(factory, database, new Uri($"http://127.0.0.1:{port}"), dataDirectory);
        await host.WaitUntilReadyAsync();
        host.ReadAdmin();
        return host;
    }

    private void ReadAdmin()
    {
        AdminFile admin = AdminFile.Read(DataDirectory);
        AdminKey = admin.ApiKey;
        AdminPassword = admin.Password;
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    private async Task WaitUntilReadyAsync()
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await Client.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The silo did not become ready within 30 s.");
            }
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private sealed class Factory(string connectionString, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Silo:Storage", "Postgres");
            builder.UseSetting("Silo:PostgresConnectionString", connectionString);
            builder.UseSetting("Silo:SiloName", "test-silo");
            builder.UseSetting("Silo:Cluster:SiloPort", "0");
            foreach ((string key, string? value) in settings)
            {
                builder.UseSetting(key, value);
            }
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
