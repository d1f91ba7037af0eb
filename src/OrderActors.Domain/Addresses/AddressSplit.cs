namespace OrderActors.Domain.Addresses;

/// <summary>
/// A one-line address cut into official 省 / 市 / 区 names and the street detail. <see cref="District"/> is
/// empty when the text named no county-level division the catalog knows.
/// </summary>
public sealed record AddressSplit(string Province, string City, string District, string Detail);
