using OrderActors.Abstractions.Common;
using OrderActors.Domain.Addresses;

namespace OrderActors.Domain.Tests.Addresses;

public sealed class NearestCountyTests
{
    private static readonly DivisionCatalog Catalog = DivisionCatalog.Default;

    [Theory]
    [InlineData(39.996420, 116.480881, "北京市", "北京市", "朝阳区")]
    [InlineData(30.259, 120.130, "浙江省", "杭州市", "西湖区")]
    [InlineData(31.2304, 121.4737, "上海市", "上海市", "黄浦区")]
    [InlineData(35.0672, 112.6023, "河南省", "济源市", "")]
    [InlineData(23.0207, 113.7518, "广东省", "东莞市", "")]
    public void APointIsPlacedInTheCountyOfTheNearestCentroidAndTheNamesResolve(
        double latitude, double longitude, string province, string city, string district)
    {
        AddressSplit? split = Catalog.NearestCounty(new GeoPoint(latitude, longitude));

        Assert.Equal(new AddressSplit(province, city, district, ""), split);
        Assert.True(Catalog.Resolve(split!.Province, split.City, split.District).IsResolved);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(25.0, 135.0)]
    [InlineData(48.8566, 2.3522)]
    public void APointFarFromEveryCountyIsNowhere(double latitude, double longitude) =>
        Assert.Null(Catalog.NearestCounty(new GeoPoint(latitude, longitude)));
}
