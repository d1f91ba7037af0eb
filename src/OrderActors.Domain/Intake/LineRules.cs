using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Intake;

/// <summary>Maps lines to master SKUs, spreads the order discount over them, and checks variant and price.</summary>
internal static class LineRules
{
    public static IReadOnlyList<MappedOrderLine> MapLines(NormalizedOrder order, IntakeContext context, HoldCollector holds)
    {
        Money[] gross = order.Lines.Select(line => line.UnitPrice * line.Quantity - line.LineDiscount).ToArray();
        Money discount = order.OrderDiscount.Fen > 0 ? order.OrderDiscount : Money.Zero;
        IReadOnlyList<Money> shares = DiscountProration.Allocate(discount, gross);
        var mapped = new List<MappedOrderLine>(order.Lines.Count);
        for (int i = 0; i < order.Lines.Count; i++)
        {
            NormalizedOrderLine line = order.Lines[i];
            SkuMapping? mapping = context.Mappings.Find(order.Channel, line.PlatformSkuId);
            var result = new MappedOrderLine(line.PlatformSkuId, mapping?.MasterSku, line.Quantity, line.UnitPrice, line.LineDiscount, shares[i]);
            mapped.Add(result);
            if (mapping is null)
            {
                if (line.PlatformSkuId.Length > 0)
                {
                    holds.Add(HoldCodes.UnmappedSku, $"{order.Channel.ToRouteName()} SKU '{line.PlatformSkuId}' ({line.Title}) has no master SKU");
                }
                continue;
            }
            CheckVariant(line.PlatformSkuId, line.Variant, mapping, holds);
            if (line.Gift is null && order.ReplacementFor is null)
            {
                CheckPrice(result, mapping, context.Rules, holds);
            }
        }
        return mapped;
    }

    /// <summary>A listing bound to the wrong master SKU shows another variant than the mapping expects.</summary>
    public static void CheckVariant(string platformSkuId, string? variant, SkuMapping mapping, HoldCollector holds)
    {
        if (mapping.ExpectedVariant is null || VariantText.Canonical(variant) is null)
        {
            return;
        }
        if (!VariantText.SameVariant(mapping.ExpectedVariant, variant))
        {
            holds.Add(HoldCodes.SkuVariantMismatch,
                $"SKU '{platformSkuId}' maps to {mapping.MasterSku} ({mapping.ExpectedVariant}) but the order says '{variant}'");
        }
    }

    /// <summary>
    /// A line sold far below its master SKU's list price is held for a person (gifts, 赠品, and an exchange's replacement
    /// are free by design and not checked).
    /// </summary>
    public static void CheckPrice(MappedOrderLine line, SkuMapping mapping, IntakeRules rules, HoldCollector holds)
    {
        if (mapping.ListPrice is not { } listPrice || line.Quantity <= 0)
        {
            return;
        }
        decimal floor = listPrice.Fen * (decimal)line.Quantity * rules.PriceFloorRatio;
        if (line.NetAmount.Fen < floor)
        {
            holds.Add(HoldCodes.PriceDeviation,
                $"{mapping.MasterSku} sells at {line.NetAmount} for {line.Quantity}, below {rules.PriceFloorRatio:P0} of list price {listPrice}");
        }
    }
}
