using System.Globalization;
using System.Net;
using System.Text;
using OrderActors.LoadTest.Hub;

namespace OrderActors.LoadTest.Reporting;

/// <summary>
/// Writes report.html: one self-contained page (inline CSS and SVG, no script, no CDN) with throughput, p99 and
/// backlog over time, phases shaded and injected faults marked, ours beside the naive SQL baseline, and the
/// Markdown summary's figures and tables.
/// </summary>
public static class HtmlReportWriter
{
    private const string OursColor = "#1f6feb";
    private const string NaiveColor = "#d9480f";

    public static string Write(LoadTestReport report)
    {
        IReadOnlyList<ChartBand> bands = Bands(report.Settings.Phases);
        TargetReport ours = report.Ours.Traffic;
        TargetReport? naive = report.NaiveBaseline?.Traffic;
        var throughput = new List<ChartSeries> { Series("orderactors", OursColor, ours, point => point.Accepted) };
        var p99 = new List<ChartSeries> { Series("orderactors", OursColor, ours, point => point.P99Ms) };
        if (naive is not null)
        {
            throughput.Add(Series("naive SQL", NaiveColor, naive, point => point.Accepted));
            p99.Add(Series("naive SQL", NaiveColor, naive, point => point.P99Ms));
        }
        var backlog = new List<ChartSeries>
        {
            new("orderactors", OursColor, report.Ours.Backlog.Select(sample => (sample.AtSeconds, (double?)sample.Backlog)).ToList()),
        };
        IReadOnlyList<ChartMarker> markers = Markers(report);
        IReadOnlyList<ChartSeries> postgres = report.Ours.PostgresWaits is { } waits ? PostgresSeries(waits) : [];
        double xEnd = throughput.Concat(backlog).Concat(postgres).SelectMany(series => series.Points).Select(point => point.X)
            .Append(bands.Select(band => band.To).DefaultIfEmpty(1).Max()).Max();

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OrderActors load test</title><style>");
        html.Append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 20px}");
        html.Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}");
        html.Append(".pass{color:#1a7f37}.fail{color:#cf222e;font-weight:bold}.left{text-align:left}figure{margin:0 0 16px}");
        html.Append("</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>OrderActors load test ({Encode(report.Mode)})</h1><p>{report.StartedAt:u} → {report.FinishedAt:u}, tenant {Encode(report.Settings.Tenant)}, {report.Settings.Clients} clients, {Encode(report.Settings.Machine)}, load average {Encode(report.Settings.LoadAverageAtStart ?? "n/a")} at the start, {Encode(report.Settings.LoadAverageAtEnd ?? "n/a")} at the end.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"{(report.AuditPassed ? "pass" : "fail")}\">Audit {(report.AuditPassed ? "passed" : "FAILED")}</p>");
        Headline(html, report);
        Goals(html, report.Goals);
        html.Append("<figure>").Append(SvgChart.Draw("New orders acknowledged per second", "orders/s", throughput, bands, markers, xEnd)).Append("</figure>");
        html.Append("<figure>").Append(SvgChart.Draw("Order intake p99 latency per second", "ms", p99, bands, markers, xEnd)).Append("</figure>");
        html.Append("<figure>").Append(SvgChart.Draw("Hub backlog: orders not yet past reservation and allocation", "orders", backlog, bands, markers, xEnd)).Append("</figure>");
        if (postgres.Count > 0)
        {
            html.Append("<figure>").Append(SvgChart.Draw("PostgreSQL: active backends of the hub's database", "backends", postgres, bands, markers, xEnd)).Append("</figure>");
        }
        HtmlTables.Phases(html, report);
        HtmlTables.HotSku(html, report.HotSku);
        Audit(html, report);
        HtmlTables.Access(html, report.Access);
        html.Append("<h2>Notes</h2><ul>");
        foreach (string note in report.Notes)
        {
            html.Append("<li>").Append(Encode(note)).Append("</li>");
        }
        html.Append("</ul></body></html>");
        return html.ToString();
    }

    private static ChartSeries Series(string name, string color, TargetReport target, Func<TimelinePoint, double?> value) =>
        new(name, color, target.Timeline.Select(point => (point.Second + 0.5, value(point))).ToList());

    /// <summary>All active backends, and those waiting on the wait event that peaked highest (the CPU aside).</summary>
    private static List<ChartSeries> PostgresSeries(PostgresWaits waits)
    {
        var series = new List<ChartSeries> { new("all active", "#57606a", waits.Samples.Select(s => (s.AtSeconds, (double?)s.Total)).ToList()) };
        if (waits.Peaks.FirstOrDefault(peak => peak.WaitEvent != "running") is { } top)
        {
            series.Add(new ChartSeries(top.WaitEvent, NaiveColor, waits.Samples.Select(s => (s.AtSeconds, (double?)s.Active.GetValueOrDefault(top.WaitEvent))).ToList()));
        }
        return series;
    }

    private static IReadOnlyList<ChartBand> Bands(IReadOnlyList<PhaseSetting> phases)
    {
        double start = 0;
        var bands = new List<ChartBand>();
        foreach (PhaseSetting phase in phases)
        {
            bands.Add(new ChartBand($"{phase.Name} {phase.RatePerSec:0.#}/s", start, start + phase.DurationSec));
            start += phase.DurationSec;
        }
        return bands;
    }

    private static IReadOnlyList<ChartMarker> Markers(LoadTestReport report)
    {
        var markers = new List<ChartMarker>();
        if (report.Ours.Trip is { } trip)
        {
            markers.Add(new ChartMarker($"trip {trip.WarehouseId}", trip.AtSeconds));
        }
        if (report.Ours.Kill is { } kill)
        {
            markers.Add(new ChartMarker("silo killed", kill.AtSeconds));
        }
        return markers;
    }

    private static void Headline(StringBuilder html, LoadTestReport report)
    {
        html.Append("<table><tr><th>figure</th><th>value</th></tr>");
        Row(html, "accepted orders/s, baseline phase", report.AcceptedPerSecBaseline);
        Row(html, "accepted orders/s, spike phase", report.AcceptedPerSecSpike);
        Row(html, "p99 spike ÷ baseline phase", report.P99RatioSpikeToBaseline);
        Row(html, "backlog at the end of the spike", report.BacklogAtSpikeEnd);
        Row(html, "drain seconds (after the spike, back to the baseline phase's backlog)", report.DrainSeconds);
        Row(html, "drain seconds after the last phase (backlog zero)", report.DrainAfterLastPhaseSeconds);
        Row(html, "hot SKU ours ÷ naive SQL", report.HotSkuRatioVsBaseline);
        Row(html, "oversold", report.Oversold);
        Row(html, "lost", report.Lost);
        Row(html, "rerouted", report.Rerouted);
        Row(html, "requests answered 429 by the rate limit", report.RateLimited);
        html.Append("</table>");
    }

    private static void Goals(StringBuilder html, IReadOnlyList<GoalResult> goals)
    {
        html.Append("<h2>Goals (reported, not enforced)</h2><table><tr><th>figure</th><th>goal</th><th>measured</th><th>met</th></tr>");
        foreach (GoalResult goal in goals)
        {
            string css = goal.Met switch { true => "pass", false => "fail", null => "" };
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(goal.Figure)}</td><td>{Encode(goal.Target)}</td><td>{HtmlTables.Number(goal.Measured)}</td><td class=\"{css}\">{MarkdownReportWriter.Met(goal.Met)}</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Audit(StringBuilder html, LoadTestReport report)
    {
        html.Append("<h2>Audit</h2><table><tr><th>check</th><th>result</th><th>detail</th></tr>");
        foreach (AuditLine line in report.AuditLines)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(line.Name)}</td><td class=\"{(line.Passed ? "pass" : "fail")}\">{(line.Passed ? "pass" : "FAIL")}</td><td class=\"left\">{Encode(line.Detail)}</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Row(StringBuilder html, string name, double? value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(name)}</td><td>{HtmlTables.Number(value)}</td></tr>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
