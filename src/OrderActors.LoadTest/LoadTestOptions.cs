using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest;

/// <summary>
/// Everything one load test run needs. <see cref="Full"/> and <see cref="Quick"/> are the two presets the script
/// uses; every field can be overridden from the command line. <see cref="Handler"/> lets a test point the engine at
/// an in-process host instead of a URL.
/// </summary>
public sealed record LoadTestOptions
{
    public required IReadOnlyList<Uri> Servers { get; init; }

    /// <summary>Every call carries this tenant, so a run sees only its own orders, stock and audit.</summary>
    public required string Tenant { get; init; }

    /// <summary>The credential the run creates its principals with (it must hold the admin role); the run acts as those principals, not as this.</summary>
    public required AdminCredential Admin { get; init; }

    public required IReadOnlyList<PhaseSpec> Phases { get; init; }

    public string Mode { get; init; } = "custom";

    /// <summary>The bound on requests in flight, and the naive baseline's connection pool size.</summary>
    public int Clients { get; init; } = 64;

    public int Skus { get; init; } = 150;

    public int HotSkus { get; init; } = 3;

    public int HotBuckets { get; init; } = 8;

    public int Seed { get; init; } = 1111;

    /// <summary>Run the naive SQL baseline in the same invocation (needs <see cref="BaselinePg"/>).</summary>
    public bool Baseline { get; init; }

    public string? BaselinePg { get; init; }

    /// <summary>The hub's own PostgreSQL database, whose pg_stat_activity is read once a second during its traffic; null: not read.</summary>
    public string? WatchPg { get; init; }

    /// <summary>Orders of the hot-SKU comparison; zero skips it.</summary>
    public int HotSkuOrders { get; init; } = 3000;

    /// <summary>Seconds after the start of the spike at which to trip <see cref="TripWarehouse"/>'s breaker.</summary>
    public double? TripAt { get; init; }

    public string? TripWarehouse { get; init; }

    /// <summary>A file holding a silo's process id, killed with SIGKILL at <see cref="KillAt"/> seconds into the spike.</summary>
    public string? KillSiloPidFile { get; init; }

    public double? KillAt { get; init; }

    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string OutputDirectory { get; init; } = "loadtest-report";

    public HttpMessageHandler? Handler { get; init; }

    /// <summary>
    /// Warm-up 50/s for 10 s, baseline 50/s for 1 min, spike 200/s (+300 %) for 1 min, recovery 50/s for 1 min, 128
    /// clients. On the 2-core machine the hub shares with PostgreSQL and this generator it acknowledges about 300–390
    /// orders/s at most, so the baseline is comfortable and the spike, at two thirds of that, lets what happens
    /// during it (a breaker trip, sell-outs) show. The baseline's replay doubles the traffic time; one minute per
    /// phase keeps the whole run under ten minutes.
    /// </summary>
    public static LoadTestOptions Full(IReadOnlyList<Uri> servers, string tenant, AdminCredential admin) => new()
    {
        Servers = servers,
        Tenant = tenant,
        Admin = admin,
        Mode = "full",
        Phases = Phased(50, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)),
        Clients = 128,
        Skus = 150,
        HotSkuOrders = 3000,
    };

    /// <summary>The same shape scaled down to well under three minutes with the baseline: 3 s warm-up, then 20/s, 80/s, 20/s for 15, 15 and 10 s.</summary>
    public static LoadTestOptions Quick(IReadOnlyList<Uri> servers, string tenant, AdminCredential admin) => new()
    {
        Servers = servers,
        Tenant = tenant,
        Admin = admin,
        Mode = "quick",
        Phases = Phased(20, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10)),
        Clients = 32,
        Skus = 60,
        HotSkuOrders = 400,
        DrainTimeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>
    /// An optional warm-up at the baseline rate (connections, JIT and caches settle; measured and reported, but kept
    /// out of the baseline phase's figures), then baseline → spike at four times the baseline rate (+300 %) →
    /// recovery at the baseline rate.
    /// </summary>
    public static IReadOnlyList<PhaseSpec> Phased(double baselineRate, TimeSpan warmup, TimeSpan baseline, TimeSpan spike, TimeSpan recovery) =>
        Phased(baselineRate, warmup, baseline, baselineRate * 4, spike, baselineRate, recovery);

    /// <summary>The phases with each rate given; a zero warm-up is left out.</summary>
    public static IReadOnlyList<PhaseSpec> Phased(
        double baselineRate, TimeSpan warmup, TimeSpan baseline, double spikeRate, TimeSpan spike, double recoveryRate, TimeSpan recovery)
    {
        var phases = new List<PhaseSpec>();
        if (warmup > TimeSpan.Zero)
        {
            phases.Add(new PhaseSpec(PhaseSpec.Warmup, baselineRate, warmup));
        }
        phases.Add(new PhaseSpec(PhaseSpec.Baseline, baselineRate, baseline));
        phases.Add(new PhaseSpec(PhaseSpec.Spike, spikeRate, spike));
        phases.Add(new PhaseSpec(PhaseSpec.Recovery, recoveryRate, recovery));
        return phases;
    }

    /// <summary>The phase named <paramref name="name"/>; every preset has baseline, spike and recovery.</summary>
    public PhaseSpec Phase(string name) => Phases.First(phase => phase.Name == name);
}
