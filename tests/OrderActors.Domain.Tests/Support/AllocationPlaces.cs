using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Tests.Support;

/// <summary>City-centre coordinates used by the allocation tests.</summary>
internal static class AllocationPlaces
{
    public static readonly GeoPoint Hangzhou = new(30.2741, 120.1551);
    public static readonly GeoPoint Shaoxing = new(30.0303, 120.5802);
    public static readonly GeoPoint Suzhou = new(31.2989, 120.5853);
    public static readonly GeoPoint Shanghai = new(31.2304, 121.4737);
    public static readonly GeoPoint Nanjing = new(32.0603, 118.7969);
    public static readonly GeoPoint Hefei = new(31.8206, 117.2272);
    public static readonly GeoPoint Wuhan = new(30.5928, 114.3055);
    public static readonly GeoPoint Beijing = new(39.9042, 116.4074);
    public static readonly GeoPoint Guangzhou = new(23.1291, 113.2644);
}
