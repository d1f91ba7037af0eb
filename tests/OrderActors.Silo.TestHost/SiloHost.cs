using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Testing;

namespace OrderActors.Silo.TestHost;

/// <summary>
/// The real silo application (Program) on a real Kestrel port over a fresh PostgreSQL database: what the
/// CLI, a browser and the load test talk to. Dispose stops the silo and drops the database.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly Factory _factory;
    private readonly PostgresTestDatabase _database;

    private SiloHost(Factory factory, PostgresTestDatabase database, Uri baseAddress)
    {
        _factory = factory;
        _database = database;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    /// <summary>An HTTP client pointed at the silo.</summary>
    public HttpClient Client { get; }

    public string DatabaseConnectionString => _database.ConnectionString;

    public IServiceProvider Services => _factory.Services;

    /// <param name="settings">Extra configuration (e.g. "Hub:AllocationAttempts").</param>
    /// <param name="services">Replaces services after the silo registered its own (a test's faulty storage).</param>
    public static async Task<SiloHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_api");
        int port = FreePort();
        var factory = new Factory(database.ConnectionString, settings ?? new Dictionary<string, string?>(), services);
        factory.UseKestrel(port);
        factory.StartServer();
        var host = new SiloHost(factory, database, new Uri($"http://127.0.0.1:{port}"));
        await host.WaitUntilReadyAsync();
        return host;
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
