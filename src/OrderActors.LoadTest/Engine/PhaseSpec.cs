namespace OrderActors.LoadTest.Engine;

/// <summary>One phase of the run: new orders per second (open loop) for a duration.</summary>
public sealed record PhaseSpec(string Name, double RatePerSecond, TimeSpan Duration)
{
    public const string Warmup = "warmup";
    public const string Baseline = "baseline";
    public const string Spike = "spike";
    public const string Recovery = "recovery";

    /// <summary>How many orders the phase issues: rate × duration, rounded.</summary>
    public long ArrivalCount => (long)Math.Round(RatePerSecond * Duration.TotalSeconds);
}
