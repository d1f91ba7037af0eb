namespace OrderActors.Domain.Addresses;

/// <summary>How finely a division's centroid was measured: its own point, or borrowed from the city or province above it.</summary>
public enum CentroidPrecision
{
    /// <summary>The county-level division's own centre point (区 / 县).</summary>
    County,
    /// <summary>The city's centre, used for a county the coordinate source does not know.</summary>
    City,
    /// <summary>The province's centre, used where the source knows neither county nor city.</summary>
    Province,
}
