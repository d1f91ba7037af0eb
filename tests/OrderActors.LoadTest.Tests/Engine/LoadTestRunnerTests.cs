using OrderActors.LoadTest.Reporting;
using OrderActors.LoadTest.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.LoadTest.Tests.Engine;

/// <summary>The whole engine against the in-process fake hub: traffic, drain, audit and report.</summary>
public sealed class LoadTestRunnerTests
{
    [Fact]
    public async Task AShortRunAgainstACorrectHubPassesTheAuditAndMeasuresEveryPhase()
    {
        using var hub = new FakeHub();

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Against(hub));

        Assert.True(report.AuditPassed, SmallRun.Describe(report));
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Oversold);
        Assert.NotNull(report.DrainSeconds);
        Assert.Equal(["warmup", "baseline", "spike", "recovery"], report.Ours.Traffic.Phases.Select(phase => phase.Name));
        Assert.Equal(160, SmallRun.Phase(report, "spike").OfferedOrders);
        Assert.True(report.AcceptedPerSecSpike > report.AcceptedPerSecBaseline * 3, $"{report.AcceptedPerSecSpike} vs {report.AcceptedPerSecBaseline}");
        Assert.NotNull(report.P99RatioSpikeToBaseline);
        Assert.True(report.Ours.Audit.Server.HoldsByCode.GetValueOrDefault("out_of_stock") > 0, "no hot SKU sold out");
        Assert.True(report.Ours.Traffic.Phases.Sum(phase => phase.Requests["repost"].Duplicates) > 0, "no re-post was answered duplicate");
        Assert.True(report.Ours.Traffic.Phases.Sum(phase => phase.Requests["pay"].Accepted) > 0, "no payment was applied");
        Assert.Null(report.NaiveBaseline);
        Assert.NotNull(report.HotSku);
        Assert.Null(report.HotSkuRatioVsBaseline);
    }

    [Fact]
    public async Task TheBacklogASpikeLeavesBehindIsTimedUntilItIsBackToTheBaselineLevel()
    {
        using var hub = new FakeHub(new FakeHubFaults(AllocationMs: 25));

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Against(hub) with { HotSkuOrders = 0 });

        Assert.True(report.AuditPassed, SmallRun.Describe(report));
        Assert.True(report.BacklogAtSpikeEnd > report.Ours.BaselineBacklogPeak, $"backlog {report.BacklogAtSpikeEnd} at the spike's end, {report.Ours.BaselineBacklogPeak} in the baseline");
        Assert.NotNull(report.DrainSeconds);
        Assert.NotNull(report.DrainAfterLastPhaseSeconds);
        Assert.True(report.DrainSeconds > 0.5, $"drained {report.DrainSeconds} s after the spike");
    }

    [Fact]
    public async Task AHubThatLosesAnAcknowledgedOrderFailsTheAudit()
    {
        using var hub = new FakeHub(new FakeHubFaults(LoseOneOrder: true));

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Against(hub) with { HotSkuOrders = 0 });

        Assert.False(report.AuditPassed);
        Assert.Equal(1, report.Lost);
        Assert.False(report.AuditLines.Single(line => line.Name == "lost").Passed);
    }

    [Fact]
    public async Task AHubThatOversellsFailsTheAudit()
    {
        using var hub = new FakeHub(new FakeHubFaults(Oversell: true));

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Against(hub) with { HotSkuOrders = 0 });

        Assert.False(report.AuditPassed);
        Assert.True(report.Oversold > 0);
        Assert.False(report.AuditLines.Single(line => line.Name == "oversold").Passed);
    }

    [Fact]
    public async Task TrippingAWarehouseInTheSpikeIsReportedWithTheHubsRerouteCount()
    {
        using var hub = new FakeHub();

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Against(hub) with { TripAt = 1, TripWarehouse = "WH-BJ", HotSkuOrders = 0 });

        Assert.True(report.AuditPassed, SmallRun.Describe(report));
        Assert.NotNull(report.Ours.Trip);
        Assert.Equal(200, report.Ours.Trip.StatusCode);
        Assert.InRange(report.Ours.Trip.AtSeconds, 4.0, 4.5);
        Assert.Equal(report.Ours.Trip.ReroutedOrders, report.Rerouted);
        Assert.True(report.Rerouted > 0);
    }

    [PostgresFact]
    public async Task WithTheNaiveBaselineBothSidesAreMeasuredAndComparedInTheSameRun()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync("oa_loadtest");
        using var hub = new FakeHub();

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Against(hub) with { Baseline = true, BaselinePg = database.ConnectionString });

        Assert.True(report.AuditPassed, SmallRun.Describe(report));
        Assert.NotNull(report.NaiveBaseline);
        Assert.Equal(report.Ours.Traffic.Phases.Select(phase => phase.OfferedOrders), report.NaiveBaseline.Traffic.Phases.Select(phase => phase.OfferedOrders));
        Assert.Contains(report.AuditLines, line => line.Name == "naive-sql oversold" && line.Passed);
        Assert.NotNull(report.Comparison);
        Assert.NotNull(report.HotSku?.Naive);
        Assert.NotNull(report.HotSkuRatioVsBaseline);
        Assert.Equal(report.HotSku.Ours.AcceptedPerSecond / report.HotSku.Naive.AcceptedPerSecond, report.HotSkuRatioVsBaseline!.Value, tolerance: 1e-3);
    }
}
