using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderActors.Runtime.Hosting;
using OrderActors.Runtime.Reminders;
using OrderActors.Runtime.Storage;

namespace OrderActors.Runtime.Testing;

/// <summary>
/// Silos hosted inside the test process, each with its own host, catalog and (in cluster mode) its own
/// loopback port and membership row. With memory storage the storage and reminder table outlive
/// a silo restart, as a database would; with PostgreSQL the silos use the given database.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<SiloOptions> _configureOptions;
    private readonly Action<SiloBuilder> _configureSilo;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly MemoryGrainStorage _memoryStorage = new();
    private readonly MemoryReminderTable _memoryReminders = new();
    private readonly MemoryGrainJournalStorage _memoryJournals = new();
    private readonly List<TestSilo> _silos = [];
    private int _started;

    public TestCluster(Action<SiloOptions> configureOptions, Action<SiloBuilder> configureSilo, Action<IServiceCollection>? configureServices = null)
    {
        _configureOptions = configureOptions;
        _configureSilo = configureSilo;
        _configureServices = configureServices;
    }

    public IReadOnlyList<TestSilo> Silos => _silos;

    public TestSilo Primary => _silos[0];

    public IGrainFactory GrainFactory => Primary.GrainFactory;

    /// <summary>Starts one more silo.</summary>
    public async Task<TestSilo> StartSiloAsync()
    {
        IHost host = BuildHost(++_started);
        await host.StartAsync();
        var silo = new TestSilo(host);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Stops the silo gracefully (grains deactivate) and starts a new one in its place.</summary>
    public async Task<TestSilo> RestartSiloAsync(TestSilo silo)
    {
        int index = _silos.IndexOf(silo);
        await silo.StopAsync();
        IHost host = BuildHost(++_started);
        await host.StartAsync();
        var restarted = new TestSilo(host);
        _silos[index] = restarted;
        return restarted;
    }

    /// <summary>Silos still running (not stopped or killed).</summary>
    public IReadOnlyList<TestSilo> Running => _silos.Where(s => !s.IsStopped).ToList();

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_silos.Select(s => s.StopAsync()));
        _silos.Clear();
    }

    private IHost BuildHost(int number)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        SiloBuilder silo = builder.Services.AddOrderActorsSilo(options =>
        {
            _configureOptions(options);
            options.SiloName ??= $"silo-{number}";
        });
        _configureSilo(silo);
        builder.Services.AddSingleton<IGrainStorage>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloOptions>>().Value.Storage == StorageKind.Postgres
                ? ActivatorUtilities.CreateInstance<PostgresGrainStorage>(sp)
                : _memoryStorage);
        builder.Services.AddSingleton<IGrainJournalStorage>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloOptions>>().Value.Storage == StorageKind.Postgres
                ? ActivatorUtilities.CreateInstance<PostgresGrainJournalStorage>(sp)
                : _memoryJournals);
        builder.Services.AddSingleton<IReminderTable>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloOptions>>().Value.Storage == StorageKind.Postgres
                ? ActivatorUtilities.CreateInstance<PostgresReminderTable>(sp)
                : _memoryReminders);
        _configureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
