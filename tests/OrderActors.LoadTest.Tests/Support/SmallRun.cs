using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Display;
using OrderActors.LoadTest.Reporting;

namespace OrderActors.LoadTest.Tests.Support;

/// <summary>A load test scaled down to seconds, for the engine tests and the smoke test.</summary>
public static class SmallRun
{
    public static IProgressDisplay QuietDisplay { get; } = new PlainLineDisplay(TextWriter.Null, TimeSpan.FromSeconds(1));

    /// <summary>The small run against the in-process fake hub, with its admin key.</summary>
    public static LoadTestOptions Against(FakeHub hub) => Options(new Uri("http://fake-hub.test"), hub.Admin, hub);

    /// <summary>A 1 s warm-up, then 20 → 80 → 20 orders/s for 2, 2 and 1 s, 16 clients, 30 SKUs of which 2 hot.</summary>
    public static LoadTestOptions Options(Uri server, AdminCredential admin, HttpMessageHandler? handler = null) => new()
    {
        Servers = [server],
        Tenant = $"lt-test-{Guid.NewGuid():N}"[..24],
        Admin = admin,
        Mode = "test",
        Phases = LoadTestOptions.Phased(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)),
        Clients = 16,
        Skus = 30,
        HotSkus = 2,
        HotBuckets = 4,
        HotSkuOrders = 60,
        DrainTimeout = TimeSpan.FromSeconds(30),
        RequestTimeout = TimeSpan.FromSeconds(10),
        Handler = handler,
    };

    public static Task<LoadTestReport> RunAsync(LoadTestOptions options, IProgressDisplay? display = null) =>
        new LoadTestRunner(options, display ?? QuietDisplay).RunAsync(CancellationToken.None);

    /// <summary>The audit lines, for an assertion's message.</summary>
    public static string Describe(LoadTestReport report) =>
        string.Join("\n", report.AuditLines.Select(line => $"{(line.Passed ? "PASS" : "FAIL")} {line.Name}: {line.Detail}"));

    /// <summary>The phase named <paramref name="name"/> of the hub's traffic.</summary>
    public static PhaseReport Phase(LoadTestReport report, string name) =>
        report.Ours.Traffic.Phases.Single(phase => phase.Name == name);
}
