using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrderActors.Testing;
using Orleans.Runtime;

namespace OrderActors.Silo.TestHost.Processes;

/// <summary>
/// Real silo processes in cluster mode on one fresh PostgreSQL database, and an Orleans client of theirs, for tests
/// that crash silos for real: <see cref="KillAsync"/> is SIGKILL, so the silo's activations, timers and unsent
/// messages vanish with it and the others must notice through Orleans' failure detector. Every silo's output is in
/// test-artifacts/cluster/{run}/. The silos share one access directory (the token signing key, admin.json), as
/// scripts/cluster-up.sh's do; each silo's <see cref="SiloProcess.Http"/> signs in with the bootstrap admin's key.
/// Dispose kills whatever still runs and drops the database.
/// </summary>
public sealed class SiloProcessCluster : IAsyncDisposable
{
    public const string ServiceId = "orderactors";

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    private readonly PostgresTestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    private SiloProcessCluster(PostgresTestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        _database = database;
        _settings = settings;
        ClusterId = $"test-{Guid.NewGuid():N}"[..17];
        ArtifactsDirectory = TestArtifacts.Directory("cluster", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{ClusterId}");
        AppDomain.CurrentDomain.ProcessExit += KillAllOnExit;
    }

    public string ClusterId { get; }

    /// <summary>Where the silos' logs (silo-N.log) and the client's (client.log) are.</summary>
    public string ArtifactsDirectory { get; }

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The access directory every silo of this cluster uses.</summary>
    public string AccessDirectory => Path.Combine(ArtifactsDirectory, "access");

    /// <summary>The bootstrap admin's API key (every tenant), from admin.json.</summary>
    public string AdminKey => AdminFile.Read(AccessDirectory).ApiKey;

    /// <summary>Every silo started so far, killed ones included, by index.</summary>
    public IReadOnlyList<SiloProcess> Silos => _silos;

    public SiloProcess this[int index] => _silos[index];

    /// <summary>Grain calls from outside the cluster, through the silos' gateways.</summary>
    public IClusterClient Client => _client?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("The cluster client is not connected.");

    /// <param name="silos">How many silo processes to start (in parallel).</param>
    /// <param name="settings">Configuration for every silo, e.g. "Hub:RerouteWindow"; it wins over the cluster's own.</param>
    public static async Task<SiloProcessCluster> StartAsync(int silos, IReadOnlyDictionary<string, string>? settings = null)
    {
        PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_cluster");
        var cluster = new SiloProcessCluster(database, settings ?? new Dictionary<string, string>());
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.StartAsync()));
            cluster._client = await ClusterClientHost.StartAsync(database.ConnectionString, cluster.ClusterId,
                Path.Combine(cluster.ArtifactsDirectory, "client.log"));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo on fresh ports and waits until it is an active member.</summary>
    public async Task<SiloProcess> StartAsync()
    {
        SiloProcess silo;
        lock (_silos)
        {
            int index = _silos.Count;
            string name = $"silo-{index}";
            SiloPorts ports = SiloPorts.Free();
            var settings = new Dictionary<string, string>(_settings) { ["Access:DataDirectory"] = AccessDirectory };
            silo = SiloProcess.Start(index, name, ports, SiloProcessSettings.For(name, ports, ClusterId, ConnectionString, settings),
                Path.Combine(ArtifactsDirectory, $"{name}.log"));
            _silos.Add(silo);
        }
        await silo.WaitUntilReadyAsync(ReadyWithin);
        silo.UseCredential(AdminKey);
        return silo;
    }

    /// <summary>SIGKILL of silo <paramref name="index"/>; returns once the process is gone.</summary>
    public Task KillAsync(int index) => Task.Run(_silos[index].Kill);

    /// <summary>Waits until the membership table says the killed silo is dead; answers how long that took after the kill.</summary>
    public async Task<TimeSpan> WaitUntilDeclaredDeadAsync(int index, TimeSpan within)
    {
        SiloProcess silo = _silos[index];
        DateTime killedAt = silo.KilledAt ?? throw new InvalidOperationException($"{silo.Name} was not killed.");
        DateTime deadline = DateTime.UtcNow + within;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT status FROM orleans_membership WHERE deployment_id = @cluster AND port = @port ORDER BY generation DESC LIMIT 1", connection);
        query.Parameters.AddWithValue("cluster", ClusterId);
        query.Parameters.AddWithValue("port", silo.Ports.Silo);
        while (await query.ExecuteScalarAsync() is not (int)SiloStatus.Dead)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{silo.Name} was not declared dead within {within.TotalSeconds:F0} s of its kill.\n{Logs()}");
            }
            await Task.Delay(100);
        }
        TimeSpan took = DateTime.UtcNow - killedAt;
        silo.Note($"declared dead in the membership table {took.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s after the kill");
        return took;
    }

    /// <summary>The silo process where the grain is activated now (Orleans' directory, through the management grain), or null.</summary>
    public async Task<SiloProcess?> HostOfAsync(IAddressable grain)
    {
        SiloAddress? address = await Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        return address is null ? null : _silos.SingleOrDefault(s => s.Ports.Silo == address.Endpoint.Port);
    }

    /// <summary>Runs a test's body; a failure is thrown again with the tail of every silo's log in its message.</summary>
    public async Task RunAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception ex)
        {
            throw new SiloClusterFailure(ex, Logs());
        }
    }

    /// <summary>The last lines of every silo's log, and where the whole logs are.</summary>
    public string Logs()
    {
        lock (_silos)
        {
            return $"Logs in {ArtifactsDirectory}\n" + string.Join("\n", _silos.Select(s => s.Tail()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAllOnExit;
        if (_client is not null)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _client.StopAsync(stopping.Token);
            _client.Dispose();
        }
        lock (_silos)
        {
            foreach (SiloProcess silo in _silos)
            {
                silo.Dispose();
            }
        }
        await _database.DisposeAsync();
    }

    private void KillAllOnExit(object? sender, EventArgs e)
    {
        lock (_silos)
        {
            foreach (SiloProcess silo in _silos.Where(s => !s.HasExited))
            {
                silo.Kill();
            }
        }
    }
}
