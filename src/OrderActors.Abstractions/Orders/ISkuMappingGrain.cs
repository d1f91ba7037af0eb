using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>One platform SKU's mapping to a master SKU (key: <c>tenant/{channel}/{platformSkuId}</c>).</summary>
[Alias("oa.ISkuMappingGrain")]
public interface ISkuMappingGrain : IGrainWithStringKey
{
    /// <summary>Sets the master SKU and the variant text the platform SKU must carry (null: any).</summary>
    [Alias("SetAsync")]
    Task<SkuMappingView> SetAsync(string sku, string? variant);

    /// <summary>The mapping, or null when the platform SKU is unmapped.</summary>
    [Alias("GetAsync")]
    Task<SkuMappingView?> GetAsync();
}

/// <summary>A platform SKU's mapping.</summary>
[GenerateSerializer, Immutable, Alias("oa.SkuMappingView")]
public sealed record SkuMappingView(Channel Channel, string PlatformSkuId, string Sku, string? Variant);

/// <summary>Remembers recent orders by duplicate fingerprint (key: <c>tenant/{fingerprint}</c>).</summary>
[Alias("oa.IDuplicateIndexGrain")]
public interface IDuplicateIndexGrain : IGrainWithStringKey
{
    /// <summary>Records that <paramref name="orderId"/> carried this fingerprint; returns when another order last did (null if none).</summary>
    [Alias("SeenAsync")]
    Task<DateTimeOffset?> SeenAsync(string orderId, DateTimeOffset at);
}

/// <summary>Finds the order a carrier's tracking number belongs to (key: <c>tenant/{carrier}/{trackingNo}</c>).</summary>
[Alias("oa.ITrackingIndexGrain")]
public interface ITrackingIndexGrain : IGrainWithStringKey
{
    /// <summary>Binds the tracking number to an order; refuses a number already bound to another order.</summary>
    [Alias("RegisterAsync")]
    Task RegisterAsync(string orderId);

    /// <summary>The order id, or null when the number is unknown.</summary>
    [Alias("GetOrderAsync")]
    Task<string?> GetOrderAsync();
}
