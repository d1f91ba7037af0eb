using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Intake;

/// <summary>The tenant's thresholds for holding an incoming order; <see cref="Default"/> suits a mid-sized merchant.</summary>
public sealed record IntakeRules
{
    public static IntakeRules Default { get; } = new();

    /// <summary>The smallest amount paid that passes without a hold.</summary>
    public Money MinAmount { get; init; } = new(1);

    /// <summary>The largest amount paid that is plausible at all; above it the order is abnormal.</summary>
    public Money MaxAmount { get; init; } = new(5_000_000);

    /// <summary>A line whose net unit price falls below this share of its list price is held as a price deviation.</summary>
    public decimal PriceFloorRatio { get; init; } = 0.5m;

    /// <summary>Orders paying at least this much wait for a person's approval.</summary>
    public Money HighValueThreshold { get; init; } = new(500_000);

    /// <summary>How far the buyer's client clock may be from ours before the order is held.</summary>
    public TimeSpan ClockSkewLimit { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>An identical order (same buyer, address and items) within this window is a suspected duplicate.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromMinutes(10);
}
