using System.Globalization;
using OrderActors.Runtime;
using OrderActors.Runtime.Filters;
using OrderActors.Runtime.Testing;

namespace OrderActors.Benchmarks;

/// <summary>
/// In-process grain calls against a bare Channel ping-pong, measured side by side: one caller awaiting
/// one call at a time (latency-bound), the silo configured as production runs it (logging and metrics filters).
/// </summary>
internal static class RuntimeBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        double seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        await using var channel = new ChannelPingPong();
        await using TestCluster bare = await StartAsync(withFilters: false);
        await using TestCluster production = await StartAsync(withFilters: true);
        IPingGrain bareGrain = bare.GrainFactory.GetGrain<IPingGrain>("bench/ping");
        IPingGrain grain = production.GrainFactory.GetGrain<IPingGrain>("bench/ping");

        Console.WriteLine($"Runtime benchmark: sequential request/response, {seconds:0.#} s rounds, {Environment.ProcessorCount} cores");
        var harness = new Harness(TimeSpan.FromSeconds(seconds), rounds: 5);
        IReadOnlyDictionary<string, double> medians = await harness.CompareAsync(
            ("channel ping-pong", n => LoopAsync(n, channel.PingAsync)),
            ("grain call (no filters)", n => LoopAsync(n, bareGrain.PingAsync)),
            ("grain call (logging+metrics)", n => LoopAsync(n, grain.PingAsync)));

        foreach ((string name, double median) in medians)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {name,-34} {median,12:N0} ops/s"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grain-call (no filters)/channel ratio: {medians["grain call (no filters)"] / medians["channel ping-pong"]:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grain-call/channel ratio: {medians["grain call (logging+metrics)"] / medians["channel ping-pong"]:0.00}"));
        return 0;
    }

    private static async Task LoopAsync(int count, Func<int, Task<int>> ping)
    {
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            value = await ping(value);
        }
        if (value != count)
        {
            throw new InvalidOperationException($"ping returned {value}, expected {count}");
        }
    }

    private static async Task<TestCluster> StartAsync(bool withFilters)
    {
        var cluster = new TestCluster(
            _ => { },
            silo =>
            {
                silo.AddGrains(typeof(PingGrain));
                if (withFilters)
                {
                    silo.AddIncomingGrainCallFilter<LoggingCallFilter>().AddIncomingGrainCallFilter<MetricsCallFilter>();
                }
            });
        await cluster.StartSiloAsync();
        return cluster;
    }
}
