using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Intake;

/// <summary>Checks that the order's money adds up and is within the tenant's bounds.</summary>
internal static class AmountRules
{
    public static void Check(NormalizedOrder order, IntakeRules rules, HoldCollector holds)
    {
        try
        {
            CheckComponents(order, holds);
            CheckTotal(order, rules, holds);
        }
        catch (OverflowException)
        {
            holds.Add(HoldCodes.AbnormalAmount, "the amounts are too large to add up");
        }
    }

    private static void CheckComponents(NormalizedOrder order, HoldCollector holds)
    {
        foreach (NormalizedOrderLine line in order.Lines)
        {
            if (line.Quantity <= 0 || line.UnitPrice.Fen < 0 || line.LineDiscount.Fen < 0)
            {
                holds.Add(HoldCodes.AbnormalAmount, $"line '{line.PlatformSkuId}' has quantity {line.Quantity}, price {line.UnitPrice}, discount {line.LineDiscount}");
            }
            else if (line.LineDiscount > line.UnitPrice * line.Quantity)
            {
                holds.Add(HoldCodes.AbnormalAmount, $"line '{line.PlatformSkuId}' is discounted by more than it costs");
            }
        }
        if (order.ShippingFee.Fen < 0 || order.OrderDiscount.Fen < 0)
        {
            holds.Add(HoldCodes.AbnormalAmount, $"shipping {order.ShippingFee} and order discount {order.OrderDiscount} must not be negative");
        }
        Money linesTotal = order.Lines.Aggregate(Money.Zero, (sum, line) => sum + line.UnitPrice * line.Quantity);
        if (linesTotal != order.GoodsTotal)
        {
            holds.Add(HoldCodes.AbnormalAmount, $"goods total {order.GoodsTotal} differs from the lines' {linesTotal}");
        }
    }

    private static void CheckTotal(NormalizedOrder order, IntakeRules rules, HoldCollector holds)
    {
        Money lineDiscounts = order.Lines.Aggregate(Money.Zero, (sum, line) => sum + line.LineDiscount);
        Money expected = order.GoodsTotal - lineDiscounts - order.OrderDiscount + order.ShippingFee;
        if (expected != order.AmountPaid)
        {
            holds.Add(HoldCodes.AbnormalAmount,
                $"goods {order.GoodsTotal} − line discounts {lineDiscounts} − order discount {order.OrderDiscount} + shipping {order.ShippingFee} = {expected}, but {order.AmountPaid} was paid");
        }
        if (order.ReplacementFor is not null)
        {
            return;
        }
        if (order.AmountPaid.Fen <= 0)
        {
            holds.Add(HoldCodes.AbnormalAmount, $"amount paid {order.AmountPaid} is not positive");
        }
        else if (order.AmountPaid < rules.MinAmount || order.AmountPaid > rules.MaxAmount)
        {
            holds.Add(HoldCodes.AbnormalAmount, $"amount paid {order.AmountPaid} is outside {rules.MinAmount}–{rules.MaxAmount}");
        }
        if (order.AmountPaid >= rules.HighValueThreshold)
        {
            holds.Add(HoldCodes.HighValueApproval, $"amount paid {order.AmountPaid} reaches the approval threshold {rules.HighValueThreshold}");
        }
    }
}
