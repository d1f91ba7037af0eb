using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;
using OrderActors.Domain.Orders;
using Orleans;

namespace OrderActors.Grains.Orders;

/// <summary>The verdict of intake and which lines are cold-chain goods.</summary>
internal sealed record IntakeCheckResult(IntakeValidation Validation, IReadOnlySet<string> ColdChainSkus);

/// <summary>
/// Gathers what intake validation needs from other grains — the tenant's SKU mappings, the catalog's
/// list prices and cold-chain flags, the duplicate index — then runs the pure validation.
/// </summary>
internal static class IntakeCheck
{
    public static async Task<IntakeCheckResult> RunAsync(
        IGrainFactory grains, string tenant, string orderId, NormalizedOrder order, DateTimeOffset receivedAt, IntakeRules rules)
    {
        CurrentMappings current = await MappingsAsync(grains, tenant, order.Channel, order.Lines.Select(l => l.PlatformSkuId), rules);
        string fingerprint = DuplicateFingerprint.Compute(order);
        DateTimeOffset? lastSeen = await grains.GetGrain<IDuplicateIndexGrain>(Keys.Fingerprint(tenant, fingerprint)).SeenAsync(orderId, receivedAt);
        IntakeValidation validation = IntakeValidator.Validate(order, new IntakeContext(current.Mappings, rules, receivedAt, lastSeen));

        List<string> notInCatalog = validation.Lines.Select(l => l.MasterSku).OfType<string>().Distinct().Where(m => !current.CatalogSkus.Contains(m)).ToList();
        if (notInCatalog.Count > 0)
        {
            validation = validation with
            {
                Holds = [.. validation.Holds, new OrderHold(HoldCodes.UnmappedSku,
                    $"mapped to {string.Join(", ", notInCatalog)}, not in the catalog", receivedAt)],
            };
        }
        return new IntakeCheckResult(validation, current.ColdChainSkus);
    }

    /// <summary>The tenant's mappings of these platform SKUs now, and which of their master SKUs the catalog has.</summary>
    public static async Task<CurrentMappings> MappingsAsync(
        IGrainFactory grains, string tenant, Channel channel, IEnumerable<string> platformSkuIds, IntakeRules rules)
    {
        List<string> platformSkus = platformSkuIds.Where(p => p.Length > 0).Distinct().ToList();
        SkuMappingView?[] mappings = await Task.WhenAll(platformSkus.Select(p =>
            grains.GetGrain<ISkuMappingGrain>(Keys.Mapping(tenant, channel, p)).GetAsync()));
        List<string> masters = mappings.OfType<SkuMappingView>().Select(m => m.Sku).Distinct().ToList();
        IReadOnlyDictionary<string, SkuInfo> catalog = await grains.GetGrain<ICatalogGrain>(Keys.Tenant(tenant)).GetSkusAsync(masters);

        var lookup = new InMemorySkuMappings();
        foreach (SkuMappingView mapping in mappings.OfType<SkuMappingView>())
        {
            lookup.Map(channel, mapping.PlatformSkuId, new SkuMapping(mapping.Sku, mapping.Variant, catalog.GetValueOrDefault(mapping.Sku)?.ListPrice));
        }
        return new CurrentMappings(lookup, catalog.Keys.ToHashSet(), catalog.Values.Where(s => s.ColdChain).Select(s => s.Sku).ToHashSet(), rules);
    }
}
