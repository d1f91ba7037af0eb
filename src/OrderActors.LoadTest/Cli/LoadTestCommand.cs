using System.CommandLine;
using System.Globalization;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Cli;

/// <summary>The command line: a preset (full, or --quick) with every figure overridable, and the admin credential.</summary>
public static class LoadTestCommand
{
    /// <summary>The variable the CLI reads its token from too; the load test takes it when neither flag is given.</summary>
    public const string TokenVariable = "ORDERACTORS_TOKEN";

    private static readonly Option<string?> _adminToken = new("--admin-token") { Description = $"A bearer token with the admin role (an API key or a login's access token); default ${TokenVariable}. The run creates its own principals with it." };
    private static readonly Option<string?> _adminFile = new("--admin-file") { Description = "A silo's bootstrap admin.json ({ user, password, apiKey }, in its Access:DataDirectory): its API key is the admin credential." };
    private static readonly Option<string[]> _servers = new("--server") { Description = "A silo's base URL; repeat for a cluster (requests are spread over them). Default http://127.0.0.1:5090.", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string?> _tenant = new("--tenant") { Description = "X-Tenant for every call (default lt-<UTC timestamp>, so each run sees only its own data)." };
    private static readonly Option<bool> _quick = new("--quick") { Description = "The scaled-down preset (20 → 80 → 20 orders/s for 15/15/10 s, 32 clients)." };
    private static readonly Option<double?> _warmupSeconds = new("--warmup-seconds") { Description = "Seconds of warm-up at the baseline rate before the baseline phase (0: none); reported apart." };
    private static readonly Option<double?> _baselineRate = new("--baseline-rate") { Description = "Orders/s of the baseline phase (the spike defaults to 4×, recovery to 1×)." };
    private static readonly Option<double?> _baselineSeconds = new("--baseline-seconds") { Description = "Duration of the baseline phase." };
    private static readonly Option<double?> _spikeRate = new("--spike-rate") { Description = "Orders/s of the spike phase." };
    private static readonly Option<double?> _spikeSeconds = new("--spike-seconds") { Description = "Duration of the spike phase." };
    private static readonly Option<double?> _recoveryRate = new("--recovery-rate") { Description = "Orders/s of the recovery phase." };
    private static readonly Option<double?> _recoverySeconds = new("--recovery-seconds") { Description = "Duration of the recovery phase." };
    private static readonly Option<int?> _clients = new("--clients") { Description = "Most requests in flight at once (open loop: beyond it requests are dropped and counted); also the baseline's pool size." };
    private static readonly Option<int?> _skus = new("--skus") { Description = "SKUs in the simulated catalog." };
    private static readonly Option<int?> _hotSkus = new("--hot-skus") { Description = "Best sellers given several stock buckets (and too little stock, so they sell out)." };
    private static readonly Option<int?> _hotBuckets = new("--hot-buckets") { Description = "Stock buckets of each hot SKU (1–64)." };
    private static readonly Option<int?> _seed = new("--seed") { Description = "Seed of the traffic; the same seed replays the same orders." };
    private static readonly Option<bool> _baseline = new("--baseline") { Description = "Also run the naive SQL baseline with the same traffic, in this invocation." };
    private static readonly Option<string?> _baselinePg = new("--baseline-pg") { Description = "PostgreSQL connection string for the naive baseline (schema naive_baseline is recreated)." };
    private static readonly Option<string?> _watchPg = new("--watch-pg") { Description = "Connection string of the hub's own database: pg_stat_activity is read once a second during its traffic and the waits reported." };
    private static readonly Option<int?> _hotSkuOrders = new("--hot-sku-orders") { Description = "Orders of the hot-SKU comparison (0 skips it)." };
    private static readonly Option<double?> _tripAt = new("--trip-at") { Description = "Seconds into the spike at which to trip --trip-warehouse's breaker." };
    private static readonly Option<string?> _tripWarehouse = new("--trip-warehouse") { Description = "The warehouse to trip (WH-HZ, WH-SH, WH-GZ, WH-BJ, WH-CD, WH-WH)." };
    private static readonly Option<string?> _killSilo = new("--kill-silo") { Description = "PID file of a silo to kill -9 in the middle of the spike (cluster mode)." };
    private static readonly Option<double?> _killAt = new("--kill-at") { Description = "Seconds into the spike at which to kill the silo (default: half way)." };
    private static readonly Option<double?> _drainTimeout = new("--drain-timeout") { Description = "Seconds to wait for the backlog to settle after the last phase." };
    private static readonly Option<double?> _requestTimeout = new("--request-timeout") { Description = "Seconds before a request counts as failed." };
    private static readonly Option<string?> _out = new("--out") { Description = "Directory for report.json, report.md and report.html (default loadtest-report)." };

    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/> unless a test gives its own).</param>
    public static RootCommand Create(Func<LoadTestOptions, CancellationToken, Task<int>> run, Func<string, string?>? environment = null)
    {
        Func<string, string?> variable = environment ?? Environment.GetEnvironmentVariable;
        var root = new RootCommand("OrderActors load test: +300 % spikes through the REST facade, a correctness audit, and a naive SQL baseline measured in the same run.");
        foreach (Option option in new Option[]
        {
            _servers, _tenant, _adminToken, _adminFile, _quick, _warmupSeconds, _baselineRate, _baselineSeconds, _spikeRate, _spikeSeconds, _recoveryRate, _recoverySeconds, _clients, _skus,
            _hotSkus, _hotBuckets, _seed, _baseline, _baselinePg, _watchPg, _hotSkuOrders, _tripAt, _tripWarehouse, _killSilo, _killAt, _drainTimeout, _requestTimeout, _out,
        })
        {
            root.Options.Add(option);
        }
        root.Validators.Add(result =>
        {
            foreach (string server in result.GetValue(_servers) ?? [])
            {
                if (ParseServer(server) is null)
                {
                    result.AddError($"--server '{server}' is not an http(s) URL");
                }
            }
            if (result.GetValue(_tripAt) is not null && result.GetValue(_tripWarehouse) is null)
            {
                result.AddError("--trip-at needs --trip-warehouse");
            }
            if (result.GetValue(_baseline) && result.GetValue(_baselinePg) is null)
            {
                result.AddError("--baseline needs --baseline-pg");
            }
            if (result.GetValue(_adminToken) is not null && result.GetValue(_adminFile) is not null)
            {
                result.AddError("--admin-token and --admin-file both give the admin credential: give one");
            }
            else if (Admin(result.GetValue(_adminToken), result.GetValue(_adminFile), variable) is null)
            {
                result.AddError($"the load test creates its principals with an admin credential: give --admin-file PATH (a silo's bootstrap admin.json), --admin-token TOKEN or {TokenVariable}");
            }
        });
        root.SetAction((parse, token) => run(Bind(parse, variable), token));
        return root;
    }

    /// <summary>The preset the flags choose, with every given value laid over it.</summary>
    public static LoadTestOptions Bind(ParseResult parse, Func<string, string?>? environment = null)
    {
        AdminCredential admin = Admin(parse.GetValue(_adminToken), parse.GetValue(_adminFile), environment ?? Environment.GetEnvironmentVariable)
            ?? throw new ArgumentException($"no admin credential: --admin-file, --admin-token or {TokenVariable}");
        Uri[] servers = parse.GetValue(_servers) is { Length: > 0 } given
            ? given.Select(server => ParseServer(server) ?? throw new ArgumentException($"'{server}' is not an http(s) URL")).ToArray()
            : [new Uri("http://127.0.0.1:5090")];
        string tenant = parse.GetValue(_tenant) ?? $"lt-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        LoadTestOptions preset = parse.GetValue(_quick) ? LoadTestOptions.Quick(servers, tenant, admin) : LoadTestOptions.Full(servers, tenant, admin);
        PhaseSpec baseline = preset.Phase(PhaseSpec.Baseline);
        double baselineRate = parse.GetValue(_baselineRate) ?? baseline.RatePerSecond;
        TimeSpan presetWarmup = preset.Phases.FirstOrDefault(phase => phase.Name == PhaseSpec.Warmup)?.Duration ?? TimeSpan.Zero;
        IReadOnlyList<PhaseSpec> phases = LoadTestOptions.Phased(
            baselineRate,
            Seconds(parse.GetValue(_warmupSeconds)) ?? presetWarmup,
            Seconds(parse.GetValue(_baselineSeconds)) ?? baseline.Duration,
            parse.GetValue(_spikeRate) ?? baselineRate * 4,
            Seconds(parse.GetValue(_spikeSeconds)) ?? preset.Phase(PhaseSpec.Spike).Duration,
            parse.GetValue(_recoveryRate) ?? baselineRate,
            Seconds(parse.GetValue(_recoverySeconds)) ?? preset.Phase(PhaseSpec.Recovery).Duration);
        return preset with
        {
            Phases = phases,
            Mode = HasOverrides(parse) ? $"{preset.Mode}+custom" : preset.Mode,
            Clients = parse.GetValue(_clients) ?? preset.Clients,
            Skus = parse.GetValue(_skus) ?? preset.Skus,
            HotSkus = parse.GetValue(_hotSkus) ?? preset.HotSkus,
            HotBuckets = parse.GetValue(_hotBuckets) ?? preset.HotBuckets,
            Seed = parse.GetValue(_seed) ?? preset.Seed,
            Baseline = parse.GetValue(_baseline),
            BaselinePg = parse.GetValue(_baselinePg),
            WatchPg = parse.GetValue(_watchPg),
            HotSkuOrders = parse.GetValue(_hotSkuOrders) ?? preset.HotSkuOrders,
            TripAt = parse.GetValue(_tripAt),
            TripWarehouse = parse.GetValue(_tripWarehouse),
            KillSiloPidFile = parse.GetValue(_killSilo),
            KillAt = parse.GetValue(_killAt),
            DrainTimeout = Seconds(parse.GetValue(_drainTimeout)) ?? preset.DrainTimeout,
            RequestTimeout = Seconds(parse.GetValue(_requestTimeout)) ?? preset.RequestTimeout,
            OutputDirectory = parse.GetValue(_out) ?? preset.OutputDirectory,
        };
    }

    private static bool HasOverrides(ParseResult parse) =>
        new Option[] { _warmupSeconds, _baselineRate, _baselineSeconds, _spikeRate, _spikeSeconds, _recoveryRate, _recoverySeconds, _clients, _skus, _hotSkus, _hotBuckets, _hotSkuOrders }
            .Any(option => parse.GetResult(option) is not null);

    /// <summary>A flag wins over the environment; an empty token counts as none.</summary>
    private static AdminCredential? Admin(string? token, string? file, Func<string, string?> variable) =>
        !string.IsNullOrWhiteSpace(token) ? AdminCredential.FromToken(token, "--admin-token")
        : !string.IsNullOrWhiteSpace(file) ? AdminCredential.FromFile(file)
        : variable(TokenVariable) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment) ? AdminCredential.FromToken(fromEnvironment, TokenVariable)
        : null;

    private static Uri? ParseServer(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static TimeSpan? Seconds(double? value) => value is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
