using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Addresses;

/// <summary>
/// An address's 省 / 市 / 区 matched against the division list: official names, GB/T 2260 codes and an
/// approximate centroid for geo-nearest allocation. <see cref="DistrictCode"/> is null where the city is itself
/// county-level (仙桃市), or has no county level (东莞市) and the platform's district named no town the list knows.
/// </summary>
public sealed record ResolvedDivision(
    string ProvinceCode,
    string ProvinceName,
    string CityCode,
    string CityName,
    string? DistrictCode,
    string? DistrictName,
    GeoPoint Centroid,
    CentroidPrecision CentroidPrecision)
{
    /// <summary>The most specific code known: the district's, else the city's.</summary>
    public string Code => DistrictCode ?? CityCode;
}
