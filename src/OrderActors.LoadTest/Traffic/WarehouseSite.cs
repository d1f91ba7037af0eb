namespace OrderActors.LoadTest.Traffic;

/// <summary>A warehouse the load test creates (PUT /api/v1/warehouses/{id}), with its backups and cold-chain flag.</summary>
public sealed record WarehouseSite(
    string WarehouseId,
    string Name,
    double Latitude,
    double Longitude,
    string Region,
    bool ColdChain,
    int DailyCapacity,
    IReadOnlyList<string> Backups)
{
    /// <summary>Great-circle distance in km, enough to pick the nearest warehouse for a buyer.</summary>
    public double DistanceKm(double latitude, double longitude)
    {
        const double EarthRadiusKm = 6371.0;
        double dLat = DegreesToRadians(latitude - Latitude);
        double dLon = DegreesToRadians(longitude - Longitude);
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(DegreesToRadians(Latitude)) * Math.Cos(DegreesToRadians(latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>The merchant's six warehouses: three cold-chain ones, so Meituan's express orders and fresh goods can route.</summary>
public static class WarehouseSites
{
    public static IReadOnlyList<WarehouseSite> All { get; } =
    [
        new("WH-HZ", "杭州仓", 30.27, 120.15, "华东", ColdChain: true, 20_000, ["WH-SH"]),
        new("WH-SH", "上海仓", 31.23, 121.47, "华东", ColdChain: false, 20_000, ["WH-HZ"]),
        new("WH-GZ", "广州仓", 23.13, 113.26, "华南", ColdChain: true, 15_000, ["WH-WH"]),
        new("WH-BJ", "北京仓", 39.90, 116.40, "华北", ColdChain: true, 15_000, ["WH-WH"]),
        new("WH-CD", "成都仓", 30.57, 104.07, "西南", ColdChain: false, 8_000, ["WH-WH"]),
        new("WH-WH", "武汉仓", 30.59, 114.30, "华中", ColdChain: false, 10_000, ["WH-HZ"]),
    ];
}
