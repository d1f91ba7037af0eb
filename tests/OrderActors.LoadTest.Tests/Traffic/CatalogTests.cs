using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Tests.Traffic;

public sealed class CatalogTests
{
    [Fact]
    public void TheTopRanksAreHotWithTheRequestedBucketsAndTheRestHaveOne()
    {
        Catalog catalog = Catalog.Build(skuCount: 60, hotCount: 3, hotBuckets: 16, seed: 1);

        Assert.Equal([0, 1, 2], catalog.Hot.Select(sku => sku.Rank));
        Assert.All(catalog.Hot, sku => Assert.Equal(16, sku.Buckets));
        Assert.All(catalog.ByRank.Skip(3), sku => Assert.Equal(1, sku.Buckets));
    }

    [Fact]
    public void SkuCodesAndEveryChannelsPlatformIdsAreUniqueAndValidIds()
    {
        Catalog catalog = Catalog.Build(skuCount: 177, hotCount: 3, hotBuckets: 8, seed: 1);

        Assert.Equal(177, catalog.ByRank.Select(sku => sku.Sku).Distinct().Count());
        foreach (Channel channel in Enum.GetValues<Channel>())
        {
            string[] ids = catalog.ByRank.Select(sku => sku.PlatformSkuId(channel)).ToArray();
            Assert.Equal(ids.Length, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_.:-]{1,64}$", id));
        }
    }

    [Fact]
    public void ASmallCatalogStillSpansEveryProductLine()
    {
        Catalog catalog = Catalog.Build(skuCount: ProductLines.All.Count, hotCount: 1, hotBuckets: 4, seed: 5);

        Assert.Equal(ProductLines.All.Select(product => product.Title).Order(), catalog.ByRank.Select(sku => sku.Title).Order());
    }

    [Fact]
    public void TheSameSeedBuildsTheSameRanking()
    {
        Catalog first = Catalog.Build(80, 3, 8, seed: 9);
        Catalog second = Catalog.Build(80, 3, 8, seed: 9);

        Assert.Equal(first.ByRank.Select(sku => sku.Sku), second.ByRank.Select(sku => sku.Sku));
    }
}
