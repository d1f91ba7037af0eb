using OrderActors.Domain.Addresses;

namespace OrderActors.Domain.Intake;

/// <summary>
/// What intake validation needs besides the order: the tenant's mappings and rules, when the order arrived,
/// and when the grain last saw an order with the same <see cref="DuplicateFingerprint"/> (null if never).
/// </summary>
public sealed record IntakeContext(
    ISkuMappingLookup Mappings,
    IntakeRules Rules,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FingerprintLastSeenAt = null)
{
    /// <summary>The division list addresses are checked against.</summary>
    public DivisionCatalog Divisions { get; init; } = DivisionCatalog.Default;
}
