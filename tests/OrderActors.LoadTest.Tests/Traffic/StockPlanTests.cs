using OrderActors.LoadTest.Tests.Support;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Tests.Traffic;

public sealed class StockPlanTests
{
    private static readonly StockPlan _stock = StockPlan.Build(GeneratedOrders.Catalog, TrafficMix.Default, expectedOrders: 10_000);

    [Fact]
    public void HotSkusGetLessThanTheirDemandSoTheySellOutAndOthersGetAMargin()
    {
        var sampler = new ZipfSampler(GeneratedOrders.Catalog.ByRank.Count, TrafficMix.Default.ZipfExponent);
        const double UnitsPerOrder = 1.45 * 1.25;

        foreach (CatalogSku sku in GeneratedOrders.Catalog.ByRank)
        {
            double demand = 10_000 * UnitsPerOrder * sampler.Probability(sku.Rank);
            long stocked = _stock.Levels.Where(level => level.Sku == sku).Sum(level => level.OnHand);
            Assert.True(sku.IsHot ? stocked < demand : stocked > demand, $"{sku.Sku} (rank {sku.Rank}): {stocked} stocked for {demand:F0} demanded");
        }
    }

    [Fact]
    public void ColdChainSkusAreStockedOnlyAtColdChainWarehouses()
    {
        HashSet<string> cold = WarehouseSites.All.Where(site => site.ColdChain).Select(site => site.WarehouseId).ToHashSet();

        Assert.All(_stock.Levels.Where(level => level.Sku.ColdChain), level => Assert.Contains(level.WarehouseId, cold));
        Assert.Contains(_stock.Levels, level => level.Sku.ColdChain);
    }

    [Fact]
    public void TheNaiveBaselinePicksTheNearestWarehouseStockingEveryLine()
    {
        MainlandPlace beijing = MainlandPlaces.All.First(place => place.City == "北京市");
        MainlandPlace chengdu = MainlandPlaces.All.First(place => place.City == "成都市");
        CatalogSku ordinary = GeneratedOrders.Catalog.ByRank.First(sku => !sku.ColdChain);
        CatalogSku cold = GeneratedOrders.Catalog.ByRank.First(sku => sku.ColdChain);

        Assert.Equal("WH-BJ", _stock.NearestStocking(beijing, [ordinary]));
        Assert.Equal("WH-CD", _stock.NearestStocking(chengdu, [ordinary]));
        Assert.Equal("WH-GZ", _stock.NearestStocking(chengdu, [ordinary, cold]));
    }

    [Theory]
    [InlineData(10, new[] { 1.0, 1.0, 1.0 })]
    [InlineData(7, new[] { 5.0, 0.0, 2.0 })]
    [InlineData(3, new[] { 0.0, 0.0 })]
    public void SplittingKeepsEveryUnit(int total, double[] weights)
    {
        int[] parts = StockPlan.Split(total, weights);

        Assert.Equal(total, parts.Sum());
        Assert.All(parts, part => Assert.True(part >= 0));
    }
}
