using OrderActors.LoadTest.Reporting;
using OrderActors.LoadTest.Tests.Support;

namespace OrderActors.LoadTest.Tests.Engine;

/// <summary>
/// The load test's smoke run for scripts/test.sh: seconds of traffic at small rates through the real REST facade,
/// asserting the audit, never timings. It runs the same engine as scripts/loadtest.sh, in-process, against the
/// silo named by ORDERACTORS_LOADTEST_URL. To run it against an in-process host instead, pass the host's handler:
/// SmallRun.Options(factory.Server.BaseAddress, factory.Server.CreateHandler()) with a WebApplicationFactory of the Silo.
/// </summary>
public sealed class SmokeTests
{
    public const string UrlVariable = "ORDERACTORS_LOADTEST_URL";

    [Fact(Skip = "facade not merged yet")]
    public async Task ASmallRunThroughTheRealFacadeLosesNothingOversellsNothingAndDrains()
    {
        string url = Environment.GetEnvironmentVariable(UrlVariable)
            ?? throw new InvalidOperationException($"{UrlVariable} is not set: point it at a silo serving the REST facade (scripts/run.sh).");

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Options(new Uri(url)));

        Assert.True(report.AuditPassed, SmallRun.Describe(report));
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Oversold);
        Assert.NotNull(report.DrainSeconds);
        Assert.True(report.Ours.Audit.Acknowledged > 0);
        Assert.True(report.Ours.Traffic.Phases.Sum(phase => phase.Requests["repost"].Duplicates) > 0, "no re-post came back duplicate: true");
    }
}
