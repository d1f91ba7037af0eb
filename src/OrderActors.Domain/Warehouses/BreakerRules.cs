namespace OrderActors.Domain.Warehouses;

/// <summary>When a warehouse's breaker trips on its own and when it may probe again (seed 002's thresholds).</summary>
public sealed record BreakerRules
{
    public static BreakerRules Default { get; } = new();

    /// <summary>A cold-chain warehouse above this temperature (°C)…</summary>
    public double ColdChainLimitC { get; init; } = 8.0;

    /// <summary>…for this long (by the readings' own times) trips.</summary>
    public TimeSpan SustainedFor { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A carrier feed that said nothing for this long trips the warehouse.</summary>
    public TimeSpan CarrierSilence { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>An open breaker moves to half-open after this long, once its cause has cleared.</summary>
    public TimeSpan CoolDown { get; init; } = TimeSpan.FromMinutes(10);
}
