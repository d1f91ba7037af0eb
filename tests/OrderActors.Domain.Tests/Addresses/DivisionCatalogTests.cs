using OrderActors.Domain.Addresses;
using static OrderActors.Domain.Tests.Support.Divisions;

namespace OrderActors.Domain.Tests.Addresses;

public sealed class DivisionCatalogTests
{
    private readonly DivisionCatalog _catalog = DivisionCatalog.Default;

    [Fact]
    public void TheShippedListHoldsEveryMainlandCounty() =>
        Assert.InRange(_catalog.CountyCount, 2900, 3100);

    [Theory]
    [InlineData("浙江省", "杭州市", "西湖区")]
    [InlineData("浙江", "杭州", "西湖区")]
    [InlineData(" 浙江 省", "杭州市 ", "西湖")]
    public void ProvinceCityAndDistrictResolveWithOrWithoutTheirSuffixes(string province, string city, string district)
    {
        ResolvedDivision division = Resolved(_catalog, province, city, district);
        Assert.Equal(("33", "3301", "330106", "浙江省", "杭州市", "西湖区"),
            (division.ProvinceCode, division.CityCode, division.DistrictCode, division.ProvinceName, division.CityName, division.DistrictName));
    }

    [Theory]
    [InlineData("北京市", "北京市", "朝阳区")]
    [InlineData("北京", "北京", "朝阳区")]
    [InlineData("北京市", "市辖区", "朝阳区")]
    [InlineData("北京市", "朝阳区", "")]
    [InlineData("北京市", "", "朝阳区")]
    public void MunicipalitiesResolveHoweverThePlatformFillsTheCitySlot(string province, string city, string district)
    {
        ResolvedDivision division = Resolved(_catalog, province, city, district);
        Assert.Equal(("110105", "北京市", CentroidPrecision.County), (division.DistrictCode, division.CityName, division.CentroidPrecision));
    }

    [Fact]
    public void ChongqingsCountiesResolveUnderTheCountyPlaceholder()
    {
        ResolvedDivision division = Resolved(_catalog, "重庆", "重庆市", "城口县");
        Assert.Equal(("5002", "500229"), (division.CityCode, division.DistrictCode));
    }

    [Fact]
    public void AMunicipalityDistrictInTheCitySlotMustAgreeWithTheDistrictSlot() =>
        Assert.Equal(DivisionLookupStatus.UnknownDistrict, _catalog.Resolve("北京市", "朝阳区", "海淀区").Status);

    [Theory]
    [InlineData("湖北省", "仙桃市", "")]
    [InlineData("湖北", "仙桃", "郑场镇")]
    [InlineData("湖北省", "省直辖县级行政区划", "仙桃市")]
    public void ProvinceGovernedCountyLevelCitiesResolveAsCities(string province, string city, string district)
    {
        ResolvedDivision division = Resolved(_catalog, province, city, district);
        Assert.Equal(("429004", "仙桃市", null), (division.CityCode, division.CityName, division.DistrictCode));
    }

    [Fact]
    public void ACountyLevelCityUnderAPrefectureResolvesAsADistrict()
    {
        ResolvedDivision division = Resolved(_catalog, "江苏省", "苏州市", "昆山市");
        Assert.Equal("320583", division.DistrictCode);
    }

    [Theory]
    [InlineData("东城街道", "441900003")]
    [InlineData("", null)]
    [InlineData("常平镇", "441900110")]
    [InlineData("不存在镇", null)]
    public void CitiesWithoutCountiesAcceptATownOrNothingInTheDistrictSlot(string district, string? code)
    {
        ResolvedDivision division = Resolved(_catalog, "广东省", "东莞市", district);
        Assert.Equal(("4419", code), (division.CityCode, division.DistrictCode));
    }

    [Theory]
    [InlineData("湖北省", "恩施土家族苗族自治州", "利川市")]
    [InlineData("湖北省", "恩施州", "利川市")]
    [InlineData("湖北", "恩施", "利川")]
    [InlineData("新疆", "伊犁哈萨克自治州", "伊宁市")]
    [InlineData("内蒙古", "呼伦贝尔市", "鄂温克族自治旗")]
    [InlineData("广西壮族自治区", "南宁", "青秀区")]
    public void AutonomousRegionsAndPrefecturesResolveByTheirShortNames(string province, string city, string district) =>
        Assert.True(_catalog.TryResolve(province, city, district, out _));

    [Theory]
    [InlineData("浙江省", "杭州市", "朝阳区", DivisionLookupStatus.UnknownDistrict)]
    [InlineData("浙江省", "朝阳市", "西湖区", DivisionLookupStatus.UnknownCity)]
    [InlineData("浙南省", "杭州市", "西湖区", DivisionLookupStatus.UnknownProvince)]
    [InlineData("浙江省", "杭州市", "", DivisionLookupStatus.MissingPart)]
    [InlineData("浙江省", "", "西湖区", DivisionLookupStatus.MissingPart)]
    [InlineData("", "杭州市", "西湖区", DivisionLookupStatus.MissingPart)]
    [InlineData("杭州市", "市辖区", "西湖区", DivisionLookupStatus.UnknownProvince)]
    public void UnknownOrMissingLevelsAreReportedAsSuch(string province, string city, string district, DivisionLookupStatus status)
    {
        Assert.Equal(status, _catalog.Resolve(province, city, district).Status);
        Assert.False(_catalog.TryResolve(province, city, district, out _));
    }

    [Fact]
    public void CentroidsPutHangzhouAndUrumqiWhereTheyAre()
    {
        ResolvedDivision hangzhou = Resolved(_catalog, "浙江省", "杭州市", "西湖区");
        ResolvedDivision urumqi = Resolved(_catalog, "新疆维吾尔自治区", "乌鲁木齐市", "天山区");

        Assert.InRange(hangzhou.Centroid.Latitude, 30.0, 30.5);
        Assert.InRange(hangzhou.Centroid.Longitude, 119.9, 120.4);
        Assert.InRange(urumqi.Centroid.Latitude, 43.5, 44.1);
        Assert.InRange(urumqi.Centroid.Longitude, 87.3, 87.9);
    }

    [Fact]
    public void ADistrictCreatedAfterTheCoordinateDataBorrowsItsCitysCentre()
    {
        ResolvedDivision xindu = Resolved(_catalog, "河北省", "邢台市", "信都区");
        ResolvedDivision xiangdu = Resolved(_catalog, "河北省", "邢台市", "襄都区");

        Assert.Equal(CentroidPrecision.City, xindu.CentroidPrecision);
        Assert.Equal(xindu.Centroid, xiangdu.Centroid);
    }

    [Fact]
    public void TheCatalogCanBeLoadedFromAnyReaderInTheDataFormat()
    {
        const string data = "# comment\n99\t测试省\t1\t2\tP\n9901\t样例市\t1.5\t2.5\tC\n990101\t甲区\t1.25\t2.25\tD\n";

        DivisionCatalog catalog = DivisionCatalog.Load(new StringReader(data));

        ResolvedDivision division = Resolved(catalog, "测试", "样例", "甲区");
        Assert.Equal((1.25, 2.25, CentroidPrecision.County), (division.Centroid.Latitude, division.Centroid.Longitude, division.CentroidPrecision));
    }

    [Fact]
    public void ConcurrentFirstUseSeesOneCatalog()
    {
        DivisionCatalog[] seen = new DivisionCatalog[16];
        Parallel.For(0, seen.Length, i => seen[i] = DivisionCatalog.Default);

        Assert.Single(seen.Distinct());
    }
}
