using OrderActors.Domain.Addresses;
using static OrderActors.Domain.Tests.Support.Divisions;

namespace OrderActors.Domain.Tests.Addresses;

public sealed class SplitAddressTests
{
    private readonly DivisionCatalog _catalog = DivisionCatalog.Default;

    [Theory]
    [InlineData("浙江省杭州市西湖区文三路398号东方通信大厦7楼", "浙江省", "杭州市", "西湖区", "文三路398号东方通信大厦7楼")]
    [InlineData("浙江 杭州 西湖区 文三路398号", "浙江省", "杭州市", "西湖区", "文三路398号")]
    [InlineData("杭州市西湖区文三路398号", "浙江省", "杭州市", "西湖区", "文三路398号")]
    [InlineData("上海市上海市浦东新区世纪大道100号", "上海市", "上海市", "浦东新区", "世纪大道100号")]
    [InlineData("上海市市辖区黄浦区南京东路1号", "上海市", "上海市", "黄浦区", "南京东路1号")]
    [InlineData("重庆市县城口县葛城街道1号", "重庆市", "重庆市", "城口县", "葛城街道1号")]
    [InlineData("湖北省仙桃市干河街道1号", "湖北省", "仙桃市", "", "干河街道1号")]
    [InlineData("湖北省恩施土家族苗族自治州利川市东城街道8号", "湖北省", "恩施土家族苗族自治州", "利川市", "东城街道8号")]
    [InlineData("广东省东莞市松山湖大道8号", "广东省", "东莞市", "松山湖", "大道8号")]
    [InlineData("广东省东莞市新城路8号", "广东省", "东莞市", "", "新城路8号")]
    [InlineData("江苏省苏州市吴中区太湖路", "江苏省", "苏州市", "吴中区", "太湖路")]
    public void AOneLineAddressSplitsIntoOfficialDivisionNamesAndTheStreet(string text, string province, string city, string district, string detail) =>
        Assert.Equal(new AddressSplit(province, city, district, detail), _catalog.SplitAddress(text));

    [Fact]
    public void AnAddressWithANonexistentDistrictKeepsItInTheDetail() =>
        Assert.Equal(new AddressSplit("浙江省", "杭州市", "", "朝阳区文三路1号"), _catalog.SplitAddress("浙江省杭州市朝阳区文三路1号"));

    [Theory]
    [InlineData("火星基地3号舱")]
    [InlineData("")]
    [InlineData(null)]
    public void TextThatStartsWithNoKnownProvinceOrCityIsNotSplit(string? text) =>
        Assert.Null(_catalog.SplitAddress(text));

    [Fact]
    public void ASplitAddressResolvesBackToItsDivision()
    {
        AddressSplit split = _catalog.SplitAddress("广西南宁市青秀区民族大道1号")!;

        ResolvedDivision division = Resolved(_catalog, split.Province, split.City, split.District);
        Assert.Equal("450103", division.DistrictCode);
    }
}
