namespace OrderActors.Domain.Addresses;

/// <summary>Why a 省 / 市 / 区 triple did or did not resolve.</summary>
public enum DivisionLookupStatus
{
    Resolved,
    /// <summary>A level the address needs is empty.</summary>
    MissingPart,
    UnknownProvince,
    UnknownCity,
    UnknownDistrict,
}

/// <summary>The outcome of <see cref="DivisionCatalog.Resolve"/>: the division when resolved, else the reason.</summary>
public sealed record DivisionLookup(DivisionLookupStatus Status, ResolvedDivision? Division, string Message)
{
    public bool IsResolved => Status == DivisionLookupStatus.Resolved;

    internal static DivisionLookup Failed(DivisionLookupStatus status, string message) => new(status, null, message);
}
