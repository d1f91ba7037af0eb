namespace OrderActors.LoadTest.Traffic;

/// <summary>
/// A real 省 / 市 / 区 triple buyers live in, with the district's GB/T 2260 code, the province's short name
/// (JD writes "浙江", not "浙江省"), the district's approximate centre, and how much of the merchant's demand
/// comes from there.
/// </summary>
public sealed record MainlandPlace(
    string DistrictCode,
    string Province,
    string ShortProvince,
    string City,
    string District,
    double Latitude,
    double Longitude,
    int DemandWeight)
{
    /// <summary>The divisions written run together, as platforms print a full address: "浙江省杭州市西湖区".</summary>
    public string Divisions => Province == City ? $"{Province}{District}" : $"{Province}{City}{District}";
}
