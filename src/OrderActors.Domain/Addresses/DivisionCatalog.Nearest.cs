using OrderActors.Abstractions.Common;
using OrderActors.Domain.Allocation;

namespace OrderActors.Domain.Addresses;

/// <summary>Placing a coordinate in a district when the address text names none (Meituan's "XX大厦 1203").</summary>
public sealed partial class DivisionCatalog
{
    /// <summary>A point farther than this from every county centroid is not taken as being in any of them (sea, abroad, junk).</summary>
    public const double NearestCountyMaxKm = 60;

    private IReadOnlyList<DivisionNode>? _counties;

    /// <summary>
    /// The county-level division whose centroid is nearest <paramref name="point"/> (WGS-84 degrees), as the
    /// province, city and district names intake resolves; null beyond <see cref="NearestCountyMaxKm"/>. Centroids
    /// are no boundaries: near a border the neighbour may be chosen, which only matters for the region layer of
    /// allocation, so the street detail is kept for the courier.
    /// </summary>
    public AddressSplit? NearestCounty(GeoPoint point)
    {
        _counties ??= _provinceNodes
            .SelectMany(province => province.Children.SelectMany(city => city.Children.Append(city)))
            .Where(node => (node.Code.Length == 6 && node.Precision == CentroidPrecision.County) || IsCountyLessCity(node))
            .ToArray();
        DivisionNode? nearest = null;
        double best = double.MaxValue;
        foreach (DivisionNode county in _counties)
        {
            double km = GeoMath.DistanceKm(point, county.Centroid);
            if (km < best)
            {
                best = km;
                nearest = county;
            }
        }
        if (nearest is null || best > NearestCountyMaxKm)
        {
            return null;
        }
        if (IsCountyLessCity(nearest))
        {
            return new AddressSplit(nearest.Parent!.Name, nearest.Name, "", "");
        }
        // A county sits under a city, or under the placeholder of a municipality's districts or of a province's directly governed counties.
        DivisionNode city = nearest.Parent!;
        DivisionNode province = city.Parent!;
        if (!city.IsPlaceholder)
        {
            return new AddressSplit(province.Name, city.Name, nearest.Name, "");
        }
        return DivisionNames.IsMunicipality(province.Code)
            ? new AddressSplit(province.Name, province.Name, nearest.Name, "")
            : new AddressSplit(province.Name, nearest.Name, "", "");
    }

    /// <summary>A city governing towns directly, with no county level (东莞, 中山, 嘉峪关, 儋州): it stands for its own county.</summary>
    private static bool IsCountyLessCity(DivisionNode node) =>
        node.Code.Length == 4 && !node.IsPlaceholder && node.Children.All(child => child.Code.Length > 6);
}
