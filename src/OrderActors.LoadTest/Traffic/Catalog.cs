namespace OrderActors.LoadTest.Traffic;

/// <summary>The simulated merchant's SKUs, by popularity rank (index 0 is the best seller).</summary>
public sealed class Catalog
{
    private Catalog(IReadOnlyList<CatalogSku> byRank)
    {
        ByRank = byRank;
    }

    /// <summary>The SKUs ordered by rank: the Zipf sampler's rank k picks ByRank[k].</summary>
    public IReadOnlyList<CatalogSku> ByRank { get; }

    public IEnumerable<CatalogSku> Hot => ByRank.Where(sku => sku.IsHot);

    /// <summary>
    /// Builds <paramref name="skuCount"/> SKUs from the product lines (products × editions × variants, taken
    /// round-robin over products so a small catalog still spans them), ranks them with a seeded shuffle, and gives
    /// the top <paramref name="hotCount"/> <paramref name="hotBuckets"/> stock buckets each.
    /// </summary>
    public static Catalog Build(int skuCount, int hotCount, int hotBuckets, int seed)
    {
        List<(ProductLine Product, int Edition, VariantPart[] Variant)> combos = Combinations();
        if (skuCount < 1 || skuCount > combos.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(skuCount), skuCount, $"the catalog holds 1–{combos.Count} SKUs");
        }
        if (hotCount < 0 || hotCount > skuCount || hotBuckets < 1 || hotBuckets > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(hotCount), "hot SKUs must be 0–skuCount with 1–64 buckets");
        }
        int[] ranks = Enumerable.Range(0, skuCount).ToArray();
        new Random(seed).Shuffle(ranks);
        var byRank = new CatalogSku[skuCount];
        for (int index = 0; index < skuCount; index++)
        {
            (ProductLine product, int edition, VariantPart[] variant) = combos[index];
            int rank = ranks[index];
            long price = product.BasePriceFen * ProductLines.Editions[edition].PricePercent / 100;
            byRank[rank] = new CatalogSku(
                index,
                $"{product.Code}-{edition + 1}{index:D3}",
                product.Title,
                variant,
                price,
                product.ColdChain,
                rank,
                rank < hotCount ? hotBuckets : 1);
        }
        return new Catalog(byRank);
    }

    private static List<(ProductLine, int, VariantPart[])> Combinations()
    {
        List<List<(ProductLine, int, VariantPart[])>> perProduct = ProductLines.All.Select(product =>
        {
            IEnumerable<VariantPart[]> variants = [[]];
            foreach ((string name, IReadOnlyList<string> values) in product.Options)
            {
                variants = variants.SelectMany(prefix => values.Select(value => prefix.Append(new VariantPart(name, value)).ToArray()));
            }
            return Enumerable.Range(0, ProductLines.Editions.Count)
                .SelectMany(edition => variants.Select(variant =>
                    (product, edition, variant.Prepend(new VariantPart("版本", ProductLines.Editions[edition].Name)).ToArray())))
                .ToList();
        }).ToList();
        int total = perProduct.Sum(list => list.Count);
        var interleaved = new List<(ProductLine, int, VariantPart[])>(total);
        for (int i = 0; interleaved.Count < total; i++)
        {
            interleaved.AddRange(perProduct.Where(list => i < list.Count).Select(list => list[i]));
        }
        return interleaved;
    }
}
