using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Reporting;
using OrderActors.LoadTest.Tests.Support;

namespace OrderActors.LoadTest.Tests.Reporting;

public sealed class ReportWriterTests
{
    private static readonly string[] _requiredTopLevel =
    [
        "acceptedPerSecBaseline", "acceptedPerSecSpike", "p99RatioSpikeToBaseline", "drainSeconds", "hotSkuRatioVsBaseline",
        "oversold", "lost", "rerouted", "backlogAtSpikeEnd", "drainAfterLastPhaseSeconds", "auditPassed", "goals", "ours", "naiveBaseline", "hotSku", "rateLimited", "access",
    ];

    [Fact]
    public void TheJsonReportHasEveryRequiredTopLevelFigureWithTheValuesMeasured()
    {
        LoadTestReport report = SyntheticReport.Build();

        using JsonDocument json = JsonDocument.Parse(JsonReportWriter.Write(report));
        JsonElement root = json.RootElement;

        Assert.All(_requiredTopLevel, name => Assert.True(root.TryGetProperty(name, out _), $"report.json lacks {name}"));
        Assert.Equal(20, root.GetProperty("acceptedPerSecBaseline").GetDouble());
        Assert.Equal(80, root.GetProperty("acceptedPerSecSpike").GetDouble());
        Assert.Equal(3, root.GetProperty("p99RatioSpikeToBaseline").GetDouble(), 1);
        Assert.Equal(2.5, root.GetProperty("hotSkuRatioVsBaseline").GetDouble());
        Assert.Equal(7, root.GetProperty("rerouted").GetInt64());
        Assert.Equal(2.5, root.GetProperty("drainSeconds").GetDouble());
        Assert.Equal(0.5, root.GetProperty("drainAfterLastPhaseSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("naiveBaseline").GetProperty("traffic").GetProperty("phases").ValueKind);
    }

    [Fact]
    public void EachGoalIsJudgedOnTheFigureMeasuredAndAFigureNotMeasuredIsNotCountedAsMet()
    {
        Dictionary<string, GoalResult> measured = SyntheticReport.Build().Goals.ToDictionary(goal => goal.Figure);
        Dictionary<string, GoalResult> withoutBaseline = SyntheticReport.Build(withBaseline: false).Goals.ToDictionary(goal => goal.Figure);

        Assert.Equal(["p99RatioSpikeToBaseline", "drainSeconds", "hotSkuRatioVsBaseline", "oversold", "lost"], measured.Keys);
        Assert.True(measured["p99RatioSpikeToBaseline"].Met);
        Assert.True(measured["drainSeconds"].Met);
        Assert.Equal(2.5, measured["hotSkuRatioVsBaseline"].Measured);
        Assert.False(measured["hotSkuRatioVsBaseline"].Met);
        Assert.True(measured["oversold"].Met);
        Assert.Null(withoutBaseline["hotSkuRatioVsBaseline"].Met);
        Assert.Contains("| hotSkuRatioVsBaseline | ≥ 10 | 2.5 | NO |", MarkdownReportWriter.Write(SyntheticReport.Build()));
    }

    [Fact]
    public void PostgresWaitsArePeakedPerWaitEventAndShownInTheSummary()
    {
        LoadTestReport report = SyntheticReport.Build();
        PostgresWaits waits = report.Ours.PostgresWaits!;

        Assert.Equal(3, waits.Readings);
        Assert.Equal(41, waits.PeakActive);
        Assert.Equal(new PostgresWaitPeak("Lock:object", 40, 25, 2), waits.Peaks[0]);
        Assert.Equal(["Lock:object", "LWLock:WALWrite", "running"], waits.Peaks.Select(peak => peak.WaitEvent));
        Assert.Contains("| Lock:object | 40 | 25 | 2 |", MarkdownReportWriter.Write(report));
    }

    [Fact]
    public void WithoutTheBaselineItsFiguresAreNullNotInvented()
    {
        LoadTestReport report = SyntheticReport.Build(withBaseline: false);

        using JsonDocument json = JsonDocument.Parse(JsonReportWriter.Write(report));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("hotSkuRatioVsBaseline").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("naiveBaseline").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("comparison").ValueKind);
    }

    [Fact]
    public void TheMarkdownSummaryShowsTheHeadlineFiguresBothSystemsAndTheAudit()
    {
        string markdown = MarkdownReportWriter.Write(SyntheticReport.Build());

        Assert.Contains("| accepted orders/s, spike phase | 80 |", markdown);
        Assert.Contains("| naive-sql | spike | 80 |", markdown);
        Assert.Contains("| orderactors | spike | 80 |", markdown);
        Assert.Contains("PASS `oversold`", markdown);
        Assert.Contains("**Audit: PASSED**", markdown);
        Assert.Contains("Breaker trip of WH-SH", markdown);
        Assert.Contains("of 8 orders holding stock there rerouted 7, unroutable 0, moved or cancelled meanwhile 1, pending 0", markdown);
    }

    [Fact]
    public void TheHtmlReportIsSelfContainedWithWellFormedChartsOfBothSystems()
    {
        string html = HtmlReportWriter.Write(SyntheticReport.Build());

        string[] charts = Regex.Matches(html, "<svg.*?</svg>", RegexOptions.Singleline).Select(match => match.Value).ToArray();
        Assert.Equal(4, charts.Length);
        Assert.All(charts, chart => XElement.Parse(chart));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(html, "(src|href)=\"https?://"));
        Assert.Contains("naive SQL", charts[0]);
        Assert.Contains("spike 80/s", charts[1]);
        Assert.True(Regex.Matches(charts[0], "<polyline").Count >= 2);
        Assert.All(charts, chart => Assert.Contains("trip WH-SH", chart));
        Assert.Contains("<h2>Goals", html);
        Assert.Contains("<td>naive-sql</td><td>spike</td>", html);
        Assert.Contains("Lock:object", charts[3]);
    }

    [Fact]
    public void RateLimitedAnswersAndTheRunsKeysAreShownButNeverTheAdminCredential()
    {
        LoadTestReport report = SyntheticReport.Build();
        string json = JsonReportWriter.Write(report);
        string markdown = MarkdownReportWriter.Write(report);
        string html = HtmlReportWriter.Write(report);

        Assert.Equal(3, report.RateLimited);
        Assert.Contains("| requests answered 429 by the rate limit | 3 |", markdown);
        Assert.Contains("| orderactors | 400 | 32 | 400 | 0 | 3 |", markdown);
        Assert.Contains("| k2 | connector:jd | lt-report |", markdown);
        Assert.Contains("<td>k2</td><td>connector:jd</td>", html);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal("--admin-token", document.RootElement.GetProperty("access").GetProperty("adminSource").GetString());
        Assert.All(new[] { json, markdown, html }, text => Assert.DoesNotContain(SyntheticReport.AdminToken, text));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.7, 1)]
    [InlineData(3, 5)]
    [InlineData(120, 200)]
    [InlineData(5001, 10000)]
    public void ChartAxesEndOnARoundNumber(double max, double nice)
    {
        Assert.Equal(nice, SvgChart.NiceCeiling(max));
    }
}
