using OrderActors.Abstractions.Common;
using OrderActors.Domain.Allocation;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class GeoMathTests
{
    [Fact]
    public void HangzhouIsAbout165KilometresFromShanghai()
    {
        double distance = GeoMath.DistanceKm(AllocationPlaces.Hangzhou, AllocationPlaces.Shanghai);

        Assert.InRange(distance, 160, 170);
    }

    [Fact]
    public void BeijingIsAbout1067KilometresFromShanghai()
    {
        double distance = GeoMath.DistanceKm(AllocationPlaces.Beijing, AllocationPlaces.Shanghai);

        Assert.InRange(distance, 1060, 1075);
    }

    [Fact]
    public void APointIsNoDistanceFromItself()
    {
        Assert.Equal(0, GeoMath.DistanceKm(AllocationPlaces.Nanjing, AllocationPlaces.Nanjing), precision: 9);
    }

    [Fact]
    public void DistanceIsTheSameInBothDirections()
    {
        Assert.Equal(
            GeoMath.DistanceKm(AllocationPlaces.Guangzhou, AllocationPlaces.Wuhan),
            GeoMath.DistanceKm(AllocationPlaces.Wuhan, AllocationPlaces.Guangzhou),
            precision: 9);
    }

    [Fact]
    public void AntipodesAreHalfTheEarthsCircumferenceApart()
    {
        double distance = GeoMath.DistanceKm(new GeoPoint(30, 120), new GeoPoint(-30, -60));

        Assert.Equal(Math.PI * GeoMath.EarthRadiusKm, distance, precision: 6);
    }

    [Fact]
    public void OneDegreeOfLongitudeOnTheEquatorIsAbout111Kilometres()
    {
        double distance = GeoMath.DistanceKm(new GeoPoint(0, 100), new GeoPoint(0, 101));

        Assert.Equal(2 * Math.PI * GeoMath.EarthRadiusKm / 360, distance, precision: 6);
    }
}
