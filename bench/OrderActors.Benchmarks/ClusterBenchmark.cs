using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Runtime;
using OrderActors.Runtime.Cluster;
using OrderActors.Runtime.Cluster.Transport;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Filters;
using OrderActors.Runtime.Testing;

namespace OrderActors.Benchmarks;

/// <summary>
/// A grain call from one silo to a grain owned by another, beside two baselines measured in the same
/// alternating rounds: a bare echo on the same transport stack (Kestrel sockets + pipelines, nothing
/// else: the headline ratio's denominator) and a Ping/Pong on the silos' own connection (our framing and
/// multiplexing without grain dispatch). The ratio is what serialization, routing and the turn cost.
/// </summary>
internal static class ClusterBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string postgres = Environment.GetEnvironmentVariable("ORDERACTORS_BENCH_PG")
            ?? throw new InvalidOperationException("ORDERACTORS_BENCH_PG is not set: run through scripts/bench.sh cluster.");
        double seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_bench", postgres);
        await using TestCluster cluster = await StartAsync(database.ConnectionString);
        TestSilo caller = cluster.Silos[0];
        TestSilo owner = cluster.Silos[1];
        string key = Enumerable.Range(0, 1000).Select(i => $"bench/ping-{i}")
            .First(k => caller.OwnerOf(new GrainId("ping", k)) == owner.Address);
        IPingGrain grain = caller.GrainFactory.GetGrain<IPingGrain>(key);
        SiloTransport transport = caller.Services.GetRequiredService<SiloTransport>();
        SiloAddress target = owner.Address!;
        await using RawPipeEcho echo = await RawPipeEcho.StartAsync();

        Console.WriteLine($"Cluster benchmark: two silos over loopback TCP, sequential request/response, {seconds:0.#} s rounds, {Environment.ProcessorCount} cores");
        var harness = new Harness(TimeSpan.FromSeconds(seconds), rounds: 5);
        IReadOnlyDictionary<string, double> medians = await harness.CompareAsync(
            ("raw echo (Kestrel sockets+pipes)", n => RepeatAsync(n, echo.RoundTripAsync)),
            ("silo ping/pong (same connection)", n => RepeatAsync(n, () => transport.PingAsync(target))),
            ("cross-silo grain call", n => RepeatAsync(n, () => grain.PingAsync(1))));
        var grainId = new GrainId("ping", key);
        if (!owner.HasActivation(grainId) || caller.HasActivation(grainId))
        {
            throw new InvalidOperationException("The benchmark grain did not run on the other silo: the measurement would not be cross-silo.");
        }
        foreach ((string name, double median) in medians)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {name,-34} {median,12:N0} ops/s  ({1e6 / median:0.0} µs per round trip)"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cross-silo/silo-ping ratio: {medians["cross-silo grain call"] / medians["silo ping/pong (same connection)"]:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cross-silo/raw ratio: {medians["cross-silo grain call"] / medians["raw echo (Kestrel sockets+pipes)"]:0.00}"));
        return 0;
    }

    private static async Task RepeatAsync(int count, Func<Task> roundTrip)
    {
        for (int i = 0; i < count; i++)
        {
            await roundTrip();
        }
    }

    private static async Task<TestCluster> StartAsync(string postgres)
    {
        var cluster = new TestCluster(
            options =>
            {
                options.Storage = StorageKind.Postgres;
                options.PostgresConnectionString = postgres;
                options.Cluster.Enabled = true;
                options.Cluster.SiloPort = 0;
            },
            silo => silo.AddGrains(typeof(PingGrain))
                .AddIncomingGrainCallFilter<LoggingCallFilter>()
                .AddIncomingGrainCallFilter<MetricsCallFilter>());
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        while (cluster.Silos.Any(s => s.Services.GetRequiredService<ClusterMembership>().View.Active.Length < 2))
        {
            await Task.Delay(50);
        }
        return cluster;
    }
}
