using System.Globalization;
using OrderActors.Silo.Hosting.Filters;

namespace OrderActors.Benchmarks;

/// <summary>
/// An Orleans grain call made inside the silo process (the silo's own <see cref="IGrainFactory"/>, as the REST facade
/// calls grains) against a bare Channel ping-pong, measured side by side: one caller awaiting one call at a time
/// (latency-bound), five alternating rounds each, medians compared. Two silos: one bare, one with the incoming call
/// filters the hub's silo registers (OrderActors.Silo's SiloSetup), at a log level without Debug and with no metrics
/// listener, as the silo runs by default.
/// </summary>
internal static class RuntimeBenchmark
{
    private const string Channel = "channel ping-pong";
    private const string Bare = "grain call (no filters)";
    private const string Production = "grain call (logging+metrics filters)";

    public static async Task<int> RunAsync(string[] args)
    {
        double seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        await using var channel = new ChannelPingPong();
        await using CoHostedSilo bare = await CoHostedSilo.StartAsync("bench-runtime-bare");
        await using CoHostedSilo production = await CoHostedSilo.StartAsync("bench-runtime-filters", configure: silo => silo
            .AddIncomingGrainCallFilter<GrainCallLogging>()
            .AddIncomingGrainCallFilter<GrainCallMetrics>());
        IPingGrain bareGrain = bare.GrainFactory.GetGrain<IPingGrain>("bench/ping");
        IPingGrain grain = production.GrainFactory.GetGrain<IPingGrain>("bench/ping");

        Console.WriteLine($"Runtime benchmark: Orleans {CoHostedSilo.OrleansVersion}, in-silo grain calls, sequential request/response, "
            + $"{seconds:0.#} s rounds, {Environment.ProcessorCount} cores");
        var harness = new Harness(TimeSpan.FromSeconds(seconds), rounds: 5);
        IReadOnlyDictionary<string, double> medians = await harness.CompareAsync(
            (Channel, n => LoopAsync(n, channel.PingAsync)),
            (Bare, n => LoopAsync(n, bareGrain.PingAsync)),
            (Production, n => LoopAsync(n, grain.PingAsync)));

        foreach ((string name, double median) in medians)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {name,-36} {median,12:N0} ops/s  ({1e6 / median:0.00} µs per call)"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grain-call (no filters)/channel ratio: {medians[Bare] / medians[Channel]:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grain-call/channel ratio: {medians[Production] / medians[Channel]:0.00}"));
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
}
