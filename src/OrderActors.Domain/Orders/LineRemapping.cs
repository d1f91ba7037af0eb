using System.Collections.Immutable;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;

namespace OrderActors.Domain.Orders;

/// <summary>The tenant's SKU mappings and master catalog as they are now, read again when a person releases an order.</summary>
/// <param name="CatalogSkus">Master SKUs the catalog has.</param>
/// <param name="ColdChainSkus">Those of them that are cold-chain goods.</param>
public sealed record CurrentMappings(
    ISkuMappingLookup Mappings, IReadOnlySet<string> CatalogSkus, IReadOnlySet<string> ColdChainSkus, IntakeRules Rules);

/// <summary>
/// Maps an order's lines to master SKUs again. Intake mapped them once; an operator who fixes a mapping (or adds the
/// master SKU it points at) and then releases an <c>unmapped_sku</c> hold expects the order to use the fix, and an
/// order whose lines still lack a master SKU must not go on to allocation.
/// </summary>
public static class LineRemapping
{
    /// <summary>True for an order on hold whose lines a release must map again before the order may continue.</summary>
    public static bool IsNeeded(OrderRecord order) =>
        order.Status == OrderStatus.OnHold && (order.Holds.Any(h => h.Code == HoldCodes.UnmappedSku) || order.Lines.Any(l => l.MasterSku is null));

    /// <summary>
    /// The lines mapped with <paramref name="current"/>, and the holds they raise: <c>unmapped_sku</c> for a line still
    /// without a master SKU in the catalog; for a line whose master SKU changed, the variant and price checks of intake.
    /// </summary>
    public static (ImmutableList<OrderLineRecord> Lines, IReadOnlyList<OrderHold> Holds) Remap(
        OrderRecord order, CurrentMappings current, DateTimeOffset at)
    {
        var holds = new HoldCollector(at);
        ImmutableList<OrderLineRecord> lines = order.Lines.Select(line => Remap(order.Channel, line, current, holds)).ToImmutableList();
        return (lines, holds.ToHolds());
    }

    /// <summary>The <c>unmapped_sku</c> hold for an order about to be allocated with a line that has no master SKU; null when every line has one.</summary>
    public static OrderHold? UnmappedHold(OrderRecord order, DateTimeOffset at)
    {
        List<OrderLineRecord> unmapped = order.Lines.Where(l => l.MasterSku is null).ToList();
        return unmapped.Count == 0
            ? null
            : new OrderHold(HoldCodes.UnmappedSku,
                $"line {string.Join(", ", unmapped.Select(l => l.LineNo))} has no master SKU: map it, then release the hold", at);
    }

    private static OrderLineRecord Remap(Channel channel, OrderLineRecord line, CurrentMappings current, HoldCollector holds)
    {
        if (line.PlatformSkuId.Length == 0)
        {
            holds.Add(HoldCodes.UnmappedSku,
                $"line {line.LineNo} ({line.Title}) came without a platform SKU id, so no mapping applies: cancel the order or have the platform send it again");
            return line with { MasterSku = null, ColdChain = false };
        }
        SkuMapping? mapping = current.Mappings.Find(channel, line.PlatformSkuId);
        if (mapping is null)
        {
            holds.Add(HoldCodes.UnmappedSku, $"{channel.ToRouteName()} SKU '{line.PlatformSkuId}' ({line.Title}) has no master SKU");
            return line with { MasterSku = null, ColdChain = false };
        }
        if (!current.CatalogSkus.Contains(mapping.MasterSku))
        {
            holds.Add(HoldCodes.UnmappedSku, $"{channel.ToRouteName()} SKU '{line.PlatformSkuId}' is mapped to {mapping.MasterSku}, not in the catalog");
            return line with { MasterSku = null, ColdChain = false };
        }
        if (mapping.MasterSku != line.MasterSku)
        {
            LineRules.CheckVariant(line.PlatformSkuId, line.Variant, mapping, holds);
            if (line.Gift is null)
            {
                LineRules.CheckPrice(
                    new MappedOrderLine(line.PlatformSkuId, mapping.MasterSku, line.Quantity, line.UnitPrice, line.LineDiscount, line.OrderDiscountShare),
                    mapping, current.Rules, holds);
            }
        }
        return line with { MasterSku = mapping.MasterSku, ColdChain = current.ColdChainSkus.Contains(mapping.MasterSku) };
    }
}
