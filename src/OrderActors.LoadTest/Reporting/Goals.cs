namespace OrderActors.LoadTest.Reporting;

/// <summary>One goal of the load test: the report field, its bound, what this run measured and whether that met it (null: not measured).</summary>
public sealed record GoalResult(string Figure, string Target, double? Measured, bool? Met);

/// <summary>
/// The goals, checked against the headline figures. They are reported, never enforced: the exit code stays
/// the audit's, because timings on a shared machine are noisy while a lost or oversold order is a defect.
/// </summary>
public static class Goals
{
    public const double MaxP99Ratio = 3;
    public const double MaxDrainSeconds = 10;
    public const double MinHotSkuRatio = 10;

    public static IReadOnlyList<GoalResult> Check(double? p99Ratio, double? drainSeconds, double? hotSkuRatio, long oversold, long lost) =>
    [
        new("p99RatioSpikeToBaseline", $"≤ {MaxP99Ratio}", p99Ratio, p99Ratio is { } ratio ? ratio <= MaxP99Ratio : null),
        new("drainSeconds", $"≤ {MaxDrainSeconds} s", drainSeconds, drainSeconds is { } drain ? drain <= MaxDrainSeconds : null),
        new("hotSkuRatioVsBaseline", $"≥ {MinHotSkuRatio}", hotSkuRatio, hotSkuRatio is { } hot ? hot >= MinHotSkuRatio : null),
        new("oversold", "= 0", oversold, oversold == 0),
        new("lost", "= 0", lost, lost == 0),
    ];
}
