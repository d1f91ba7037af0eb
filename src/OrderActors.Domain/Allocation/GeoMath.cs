using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Allocation;

/// <summary>Great-circle distances on a spherical earth.</summary>
public static class GeoMath
{
    /// <summary>The IUGG mean earth radius; the sphere is within 0.5% of the ellipsoid, plenty for ranking warehouses.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The haversine distance between two points, in kilometres.</summary>
    public static double DistanceKm(GeoPoint from, GeoPoint to)
    {
        double lat1 = ToRadians(from.Latitude);
        double lat2 = ToRadians(to.Latitude);
        double dLat = lat2 - lat1;
        double dLon = ToRadians(to.Longitude - from.Longitude);
        double h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Pow(Math.Sin(dLon / 2), 2);
        // Rounding can push h a hair past 1 for antipodal points, and Asin is undefined there.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
