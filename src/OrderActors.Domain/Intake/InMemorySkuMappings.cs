using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Intake;

/// <summary>A SKU mapping table held in memory, for a grain's loaded state or a test.</summary>
public sealed class InMemorySkuMappings : ISkuMappingLookup
{
    private readonly Dictionary<(Channel, string), SkuMapping> _mappings = [];

    /// <summary>Adds or replaces one mapping; returns this table so calls chain.</summary>
    public InMemorySkuMappings Map(Channel channel, string platformSkuId, SkuMapping mapping)
    {
        _mappings[(channel, platformSkuId)] = mapping;
        return this;
    }

    public SkuMapping? Find(Channel channel, string platformSkuId) => _mappings.GetValueOrDefault((channel, platformSkuId));
}
