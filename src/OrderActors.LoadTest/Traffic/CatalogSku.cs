using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Traffic;

/// <summary>One option of a SKU's variant as platforms print it: "颜色" = "胡桃色".</summary>
public sealed record VariantPart(string Name, string Value);

/// <summary>
/// A master SKU of the simulated merchant: its code, title, variant, price in fen, whether it needs the cold chain,
/// its popularity rank (0 = best seller) and how many stock buckets the hub should split it into.
/// </summary>
public sealed record CatalogSku(
    int Index,
    string Sku,
    string Title,
    IReadOnlyList<VariantPart> Variant,
    long UnitPriceFen,
    bool ColdChain,
    int Rank,
    int Buckets)
{
    /// <summary>The variant written the hub's one way: values joined by ";" ("胡桃色;40cm").</summary>
    public string VariantText => string.Join(';', Variant.Select(part => part.Value));

    public bool IsHot => Buckets > 1;

    /// <summary>
    /// The SKU id each platform gives this listing: the key of the hub's mapping table. Taobao, JD, PDD and Douyin
    /// use numeric ids, Meituan and the mini-program the merchant's own codes.
    /// </summary>
    public string PlatformSkuId(Channel channel) => channel switch
    {
        Channel.Taobao => $"5{Index + 1:D12}",
        Channel.Jd => $"1000{Index + 1:D8}",
        Channel.Pdd => $"12{Index + 1:D8}",
        Channel.Douyin => $"176{Index + 1:D10}",
        Channel.Meituan => $"mt-{Sku.ToLowerInvariant()}",
        Channel.Miniapp => $"MP-{Sku}",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "unknown channel"),
    };
}
