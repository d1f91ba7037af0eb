using System.Text.Json;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Reporting;
using OrderActors.LoadTest.Tests.Support;
using OrderActors.Testing;
using OrderActors.Silo.TestHost;

namespace OrderActors.LoadTest.Tests.Engine;

/// <summary>
/// The load test's smoke run for scripts/test.sh: seconds of traffic at small rates through the real REST facade
/// (the silo on a real Kestrel port over a fresh PostgreSQL database) as the principals the run creates with the
/// bootstrap admin.json, a breaker tripped in the spike and the naive baseline on the same server, asserting the audit
/// and that the hub holds every key revoked, never timings. It runs the same engine as scripts/loadtest.sh.
/// </summary>
public sealed class SmokeTests
{
    [PostgresFact]
    public async Task ASmallRunThroughTheRealFacadeLosesNothingOversellsNothingAndDrains()
    {
        await using SiloHost silo = await SiloHost.StartAsync();
        LoadTestOptions options = SmallRun.Options(silo.BaseAddress, AdminCredential.FromFile(Path.Combine(silo.DataDirectory, "admin.json"))) with
        {
            TripAt = 1,
            TripWarehouse = "WH-SH",
            Baseline = true,
            BaselinePg = silo.DatabaseConnectionString,
            WatchPg = silo.DatabaseConnectionString,
        };

        LoadTestReport report = await SmallRun.RunAsync(options);

        Assert.True(report.AuditPassed, SmallRun.Describe(report));
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Oversold);
        Assert.NotNull(report.DrainSeconds);
        Assert.True(report.Ours.Audit.Acknowledged > 0);
        Assert.True(report.Ours.Traffic.Phases.Sum(phase => phase.Requests["repost"].Duplicates) > 0, "no re-post came back duplicate: true");
        Assert.Equal(200, report.Ours.Trip?.StatusCode);
        TripResult trip = report.Ours.Trip!;
        Assert.Equal(trip.AffectedOrders, trip.ReroutedOrders + trip.UnroutableOrders + trip.NotAffectedOrders + trip.PendingOrders);
        Assert.NotNull(report.NaiveBaseline);
        Assert.NotNull(report.HotSkuRatioVsBaseline);
        Assert.True(report.Ours.PostgresWaits?.Readings > 0, "pg_stat_activity was never read");
        Assert.Equal(0, report.RateLimited);
        Assert.Equal((9, 9), (report.Access.Keys.Count, report.Access.Revoked));
        using JsonDocument keys = JsonDocument.Parse(await silo.Client.GetStringAsync("/api/v1/api-keys"));
        JsonElement[] created = keys.RootElement.GetProperty("items").EnumerateArray()
            .Where(key => key.GetProperty("name").GetString()!.StartsWith($"loadtest {options.Tenant}", StringComparison.Ordinal)).ToArray();
        Assert.Equal(report.Access.Keys.Select(key => key.KeyId).Order(), created.Select(key => key.GetProperty("keyId").GetString()).Order());
        Assert.All(created, key => Assert.Equal(JsonValueKind.String, key.GetProperty("revokedAt").ValueKind));
    }
}
