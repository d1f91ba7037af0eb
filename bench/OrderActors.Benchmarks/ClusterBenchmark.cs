using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;

namespace OrderActors.Benchmarks;

/// <summary>
/// A grain call made inside silo A to a grain activated on silo B (two Orleans silos in this process, talking over
/// loopback TCP), beside a raw request/response of the same sizes on one loopback TCP connection, measured in the
/// same alternating rounds. The ratio is what Orleans' framing, serialization, routing and scheduling cost on top of
/// the network round trip.
/// </summary>
internal static class ClusterBenchmark
{
    private const string Raw = "raw TCP echo (Kestrel sockets+pipes)";
    private const string CrossSilo = "cross-silo grain call";

    public static async Task<int> RunAsync(string[] args)
    {
        double seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2;
        string clusterId = $"bench-{Guid.NewGuid():N}";
        await using CoHostedSilo caller = await CoHostedSilo.StartAsync(clusterId);
        await using CoHostedSilo owner = await CoHostedSilo.StartAsync(clusterId, primary: caller.Endpoint);
        await WaitForMembershipAsync(caller, owner);
        IPingGrain grain = await ActivateOnAsync(caller, owner.Address);
        await RepeatAsync(1000, () => grain.PingAsync(1));
        WireSizes sizes = await WireSizes.MeasureAsync(() => grain.PingAsync(1), 500, caller.Address, owner.Address);
        await using RawPipeEcho echo = await RawPipeEcho.StartAsync(sizes.RequestBytes, sizes.ResponseBytes);

        Console.WriteLine($"Cluster benchmark: Orleans {CoHostedSilo.OrleansVersion}, two silos over loopback TCP (call made in "
            + $"{caller.Address}, grain on {owner.Address}), sequential request/response, {seconds:0.#} s rounds, {Environment.ProcessorCount} cores");
        Console.WriteLine($"one call on the wire: request {sizes.RequestBytes} bytes, response {sizes.ResponseBytes} bytes; the raw echo sends the same");
        var harness = new Harness(TimeSpan.FromSeconds(seconds), rounds: 5);
        IReadOnlyDictionary<string, double> medians = await harness.CompareAsync(
            (Raw, n => RepeatAsync(n, echo.RoundTripAsync)),
            (CrossSilo, n => RepeatAsync(n, () => grain.PingAsync(1))));
        SiloAddress ranOn = await grain.GetSiloAsync();
        if (!ranOn.Equals(owner.Address))
        {
            throw new InvalidOperationException($"the benchmark grain ran on {ranOn}, not on {owner.Address}: the measurement was not cross-silo");
        }
        Console.WriteLine($"checked: the grain still runs on {ranOn}, the other silo");
        foreach ((string name, double median) in medians)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {name,-36} {median,12:N0} ops/s  ({1e6 / median:0.0} µs per round trip)"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cross-silo/raw ratio: {medians[CrossSilo] / medians[Raw]:0.00}"));
        return 0;
    }

    private static async Task WaitForMembershipAsync(params CoHostedSilo[] silos)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (silos.Any(s => s.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Count(m => m.Status == SiloStatus.Active) < silos.Length))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>
    /// Activates a ping grain on <paramref name="target"/> by calling it from <paramref name="caller"/> with Orleans'
    /// placement hint; the hint is honoured only once the caller's cluster manifest lists the target, so keep trying
    /// fresh keys until a grain answers from there.
    /// </summary>
    private static async Task<IPingGrain> ActivateOnAsync(CoHostedSilo caller, SiloAddress target)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            IPingGrain grain = caller.GrainFactory.GetGrain<IPingGrain>($"bench/remote-{attempt}");
            RequestContext.Set(IPlacementDirector.PlacementHintKey, target);
            SiloAddress placed;
            try
            {
                placed = await grain.GetSiloAsync();
            }
            finally
            {
                RequestContext.Clear();
            }
            if (placed.Equals(target))
            {
                return grain;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"could not place a grain on {target}");
    }

    private static async Task RepeatAsync(int count, Func<Task> roundTrip)
    {
        for (int i = 0; i < count; i++)
        {
            await roundTrip();
        }
    }
}
