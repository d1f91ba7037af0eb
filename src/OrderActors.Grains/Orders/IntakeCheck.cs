using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;
using Orleans;
using Orleans.Runtime;

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
        List<string> platformSkus = order.Lines.Select(l => l.PlatformSkuId).Where(p => p.Length > 0).Distinct().ToList();
        SkuMappingView?[] mappings = await Task.WhenAll(platformSkus.Select(p =>
            grains.GetGrain<ISkuMappingGrain>(Keys.Mapping(tenant, order.Channel, p)).GetAsync()));
        List<string> masters = mappings.OfType<SkuMappingView>().Select(m => m.Sku).Distinct().ToList();
        IReadOnlyDictionary<string, SkuInfo> catalog = await grains.GetGrain<ICatalogGrain>(Keys.Tenant(tenant)).GetSkusAsync(masters);

        var lookup = new InMemorySkuMappings();
        foreach (SkuMappingView mapping in mappings.OfType<SkuMappingView>())
        {
            lookup.Map(order.Channel, mapping.PlatformSkuId, new SkuMapping(mapping.Sku, mapping.Variant, catalog.GetValueOrDefault(mapping.Sku)?.ListPrice));
        }
        string fingerprint = DuplicateFingerprint.Compute(order);
        DateTimeOffset? lastSeen = await grains.GetGrain<IDuplicateIndexGrain>(Keys.Fingerprint(tenant, fingerprint)).SeenAsync(orderId, receivedAt);
        IntakeValidation validation = IntakeValidator.Validate(order, new IntakeContext(lookup, rules, receivedAt, lastSeen));

        List<string> notInCatalog = masters.Where(m => !catalog.ContainsKey(m)).ToList();
        if (notInCatalog.Count > 0)
        {
            validation = validation with
            {
                Holds = [.. validation.Holds, new OrderHold(HoldCodes.UnmappedSku,
                    $"mapped to {string.Join(", ", notInCatalog)}, not in the catalog", receivedAt)],
            };
        }
        return new IntakeCheckResult(validation, catalog.Values.Where(s => s.ColdChain).Select(s => s.Sku).ToHashSet());
    }
}
