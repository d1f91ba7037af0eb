using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Addresses;

namespace OrderActors.Domain.Intake;

/// <summary>
/// The verdict of intake: the holds to put on the order (none means it may proceed to reservation), the lines
/// mapped to master SKUs with their discount shares, the resolved address, and the duplicate fingerprint to remember.
/// </summary>
public sealed record IntakeValidation(
    IReadOnlyList<OrderHold> Holds,
    IReadOnlyList<MappedOrderLine> Lines,
    ResolvedDivision? Address,
    string Fingerprint)
{
    public bool IsClean => Holds.Count == 0;

    /// <summary>True when a hold with this reason code was raised.</summary>
    public bool Has(string holdCode) => Holds.Any(hold => hold.Code == holdCode);
}
