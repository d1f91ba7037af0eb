using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Intake;

/// <summary>The tenant's SKU mapping table: (channel, platform SKU id) → master SKU.</summary>
public interface ISkuMappingLookup
{
    /// <summary>The mapping of a platform SKU, or null when the tenant has not mapped it.</summary>
    SkuMapping? Find(Channel channel, string platformSkuId);
}
