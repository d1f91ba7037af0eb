using System.Globalization;
using System.Text;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.HotSku;
using OrderActors.LoadTest.Hub;

namespace OrderActors.LoadTest.Reporting;

/// <summary>Writes report.md: the headline figures, the phases side by side, the audit and the hot-SKU comparison.</summary>
public static class MarkdownReportWriter
{
    public static string Write(LoadTestReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Load test report ({report.Mode})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{report.StartedAt:u} → {report.FinishedAt:u}, tenant `{report.Settings.Tenant}`, {report.Settings.Clients} clients, seed {report.Settings.Seed}, servers {string.Join(", ", report.Settings.Servers)}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {report.Settings.Machine}; load average (1, 5, 15 min) {report.Settings.LoadAverageAtStart ?? "n/a"} at the start, {report.Settings.LoadAverageAtEnd ?? "n/a"} at the end.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**Audit: {(report.AuditPassed ? "PASSED" : "FAILED")}**");
        md.AppendLine();
        md.AppendLine("| figure | value |");
        md.AppendLine("| --- | --- |");
        Row(md, "accepted orders/s, baseline phase", Number(report.AcceptedPerSecBaseline));
        Row(md, "accepted orders/s, spike phase", Number(report.AcceptedPerSecSpike));
        Row(md, "p99 spike ÷ p99 baseline phase", Number(report.P99RatioSpikeToBaseline));
        Row(md, "backlog at the end of the spike", Number(report.BacklogAtSpikeEnd));
        Row(md, "drain seconds (after the spike, back to the baseline phase's backlog)", Number(report.DrainSeconds));
        Row(md, "drain seconds after the last phase (backlog zero)", Number(report.DrainAfterLastPhaseSeconds));
        Row(md, "hot SKU: ours ÷ naive SQL (orders that got stock per second)", Number(report.HotSkuRatioVsBaseline));
        Row(md, "oversold", Number(report.Oversold));
        Row(md, "lost", Number(report.Lost));
        Row(md, "rerouted", Number(report.Rerouted));
        Row(md, "requests answered 429 by the rate limit", Number(report.RateLimited));
        md.AppendLine();
        Goals(md, report.Goals);
        Phases(md, report);
        Postgres(md, report.Ours.PostgresWaits);
        md.AppendLine("## Audit");
        md.AppendLine();
        foreach (AuditLine line in report.AuditLines)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {(line.Passed ? "PASS" : "FAIL")} `{line.Name}`: {line.Detail}");
        }
        md.AppendLine();
        HotSku(md, report.HotSku);
        Chaos(md, report);
        Access(md, report.Access);
        md.AppendLine("## Notes");
        md.AppendLine();
        foreach (string note in report.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        return md.ToString();
    }

    private static void Phases(StringBuilder md, LoadTestReport report)
    {
        md.AppendLine("## Phases");
        md.AppendLine();
        md.AppendLine("| system | phase | target/s | offered | accepted | accepted/s | p50 ms | p99 ms | errors | 429 | dropped |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        IEnumerable<TargetReport> targets = report.NaiveBaseline is null ? [report.Ours.Traffic] : [report.Ours.Traffic, report.NaiveBaseline.Traffic];
        foreach (TargetReport target in targets)
        {
            foreach (PhaseReport phase in target.Phases)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {target.Target} | {phase.Name} | {Number(phase.TargetRatePerSec)} | {phase.OfferedOrders} | {phase.AcceptedOrders} | {Number(phase.AcceptedPerSec)} | {Number(phase.OrderLatency.P50Ms)} | {Number(phase.OrderLatency.P99Ms)} | {phase.Errors} | {phase.RateLimited} | {phase.Dropped} |");
            }
        }
        md.AppendLine();
        foreach (TargetReport target in targets.Where(target => target.Problems.Count > 0))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Failed, refused or rate-limited requests of {target.Target}:");
            foreach ((string reason, long count) in target.Problems.OrderByDescending(pair => pair.Value))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {count} × {reason}");
            }
            md.AppendLine();
        }
        if (report.Comparison is { } comparison)
        {
            md.AppendLine("Ours ÷ naive SQL, per phase (accepted/s; p50; p99): "
                + string.Join("; ", comparison.AcceptedPerSecRatio.Keys.Select(name =>
                    $"{name} {Number(comparison.AcceptedPerSecRatio[name])}, {Number(comparison.P50Ratio[name])}, {Number(comparison.P99Ratio[name])}")) + ".");
            md.AppendLine();
        }
    }

    private static void Goals(StringBuilder md, IReadOnlyList<GoalResult> goals)
    {
        md.AppendLine("## Goals (reported, not enforced)");
        md.AppendLine();
        md.AppendLine("| figure | goal | measured | met |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (GoalResult goal in goals)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {goal.Figure} | {goal.Target} | {Number(goal.Measured)} | {Met(goal.Met)} |");
        }
        md.AppendLine();
    }

    private static void Postgres(StringBuilder md, PostgresWaits? waits)
    {
        if (waits is null)
        {
            return;
        }
        md.AppendLine("## PostgreSQL during the hub's traffic");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"pg_stat_activity of the hub's database, read {waits.Readings} times (once a second): at most {waits.PeakActive} backends active at once.");
        md.AppendLine();
        md.AppendLine("| active backends waiting on | most at once | at s | readings with any |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (PostgresWaitPeak peak in waits.Peaks)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {peak.WaitEvent} | {peak.PeakBackends} | {Number(peak.PeakAtSeconds)} | {peak.Readings} |");
        }
        md.AppendLine();
    }

    internal static string Met(bool? met) => met switch { true => "yes", false => "NO", null => "not measured" };

    private static void HotSku(StringBuilder md, HotSkuResult? hot)
    {
        if (hot is null)
        {
            return;
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"## Hot SKU `{hot.Sku}` at {hot.WarehouseId} ({hot.Buckets} buckets in the hub, one row in the baseline, {hot.OnHand} units)");
        md.AppendLine();
        md.AppendLine("| system | orders | clients | got stock | failed | 429 | send s | settled s | got stock/s | answers/s | p50 ms | p99 ms |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (HotSkuSide side in hot.Naive is null ? [hot.Ours] : new[] { hot.Ours, hot.Naive })
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {side.Target} | {side.Orders} | {side.Clients} | {side.GotStock} | {side.Failed} | {side.RateLimited} | {Number(side.SendSeconds)} | {Number(side.SettledSeconds)}{(side.Settled ? "" : " (not settled)")} | {Number(side.AcceptedPerSecond)} | {Number(side.IntakePerSecond)} | {Number(side.P50Ms)} | {Number(side.P99Ms)} |");
        }
        md.AppendLine();
    }

    private static void Chaos(StringBuilder md, LoadTestReport report)
    {
        if (report.Ours.Trip is { } trip)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Breaker trip of {trip.WarehouseId} at {Number(trip.AtSeconds)} s: HTTP {trip.StatusCode} after {Number(trip.AnsweredAfterSeconds)} s, of {Number(trip.AffectedOrders)} orders holding stock there rerouted {Number(trip.ReroutedOrders)}, unroutable {Number(trip.UnroutableOrders)}, moved or cancelled meanwhile {Number(trip.NotAffectedOrders)}, pending {Number(trip.PendingOrders)}{(trip.Problem is null ? "" : $" ({trip.Problem})")}.");
            md.AppendLine();
        }
        if (report.Ours.Kill is { } kill)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Silo kill at {Number(kill.AtSeconds)} s: pid {Number(kill.Pid)} from {kill.PidFile}: {kill.Detail}. Client retries after connection failures: {report.Ours.ClientRetries}, calls that reached no silo: {report.Ours.Unreachable}.");
            md.AppendLine();
        }
    }

    private static void Access(StringBuilder md, AccessReport access)
    {
        md.AppendLine("## Access");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"API keys created with the admin credential from {access.AdminSource}; {access.Describe()}.");
        md.AppendLine();
        md.AppendLine("| key id | role | tenant |");
        md.AppendLine("| --- | --- | --- |");
        foreach (IssuedKey key in access.Keys)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {key.KeyId} | {key.Role} | {key.Tenant} |");
        }
        md.AppendLine();
    }

    private static void Row(StringBuilder md, string name, string value) => md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

    private static string Number(double? value) => value is { } number ? number.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "n/a";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
}
