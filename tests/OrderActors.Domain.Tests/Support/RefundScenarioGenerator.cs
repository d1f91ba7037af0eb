using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Tests.Support;

/// <summary>A random paid order, a tenant policy and the random choices that drive a run of returns on it.</summary>
public sealed record RefundScenario(OrderRecord Order, AfterSalesPolicy Policy, int[] Picks, bool WithExchanges)
{
    public override string ToString() =>
        $"policy {Policy.Shipping}/{Policy.CouponBreach}, exchanges {WithExchanges}, shipping {Order.ShippingFee.Fen}, order discount {Order.OrderDiscount.Fen}, paid {Order.AmountPaid.Fen}; " +
        $"lines [{string.Join("; ", Order.Lines.Select(l => $"{l.LineNo} {l.MasterSku} {l.UnitPrice.Fen}×{l.Quantity} −{l.LineDiscount.Fen} −{l.OrderDiscountShare.Fen}" + (l.Gift is { } g ? $" gift {g.StatedValue.Fen} for [{string.Join(",", g.ForPlatformSkuIds)}]" : "")))}]; " +
        $"promotions [{string.Join("; ", Order.Promotions.Select(p => $"{p.Name} ≥{p.Threshold.Fen} −{p.Discount.Fen}"))}]; picks [{string.Join(",", Picks)}]";
}

/// <summary>
/// Random orders as intake would store them: 1–6 paid lines (some sharing a master SKU), up to two gifts, an order
/// discount spread by weight, promotions that fit inside it, shipping.
/// </summary>
public static class RefundScenarioGenerator
{
    private static readonly Gen<OrderLineRecord> PaidLines =
        from price in Gen.Choose(0, 50_000)
        from quantity in Gen.Choose(1, 5)
        from discounted in Gen.Choose(0, 2)
        from discountPermille in Gen.Choose(0, 1000)
        from sku in Gen.Choose(1, 4)
        select new OrderLineRecord
        {
            MasterSku = $"SKU-{sku}",
            Title = $"SKU-{sku}",
            Quantity = quantity,
            UnitPrice = new Money(price),
            LineDiscount = new Money(discounted == 0 ? (long)price * quantity * discountPermille / 1000 : 0),
        };

    private static readonly Gen<(int StatedValue, int Quantity, int With)> Gifts =
        Gen.Zip(Gen.Choose(0, 3000), Gen.Choose(1, 2)).SelectMany(g => Gen.Choose(0, 63), (g, with) => (g.Item1, g.Item2, with));

    private static readonly Gen<(int DiscountPercent, int ThresholdPercent)> Promotions =
        Gen.Zip(Gen.Choose(0, 60), Gen.Choose(-50, 110));

    public static readonly Gen<OrderRecord> Orders =
        from paid in Gen.Choose(1, 6).SelectMany(count => PaidLines.ArrayOf(count))
        from gifts in Gen.Choose(0, 2).SelectMany(count => Gifts.ArrayOf(count))
        from discountPercent in Gen.Choose(0, 40)
        from promotions in Gen.Choose(0, 3).SelectMany(count => Promotions.ArrayOf(count))
        from shipping in Gen.Elements(0L, 600L, 1000L, 1234L)
        select Build(paid, gifts, discountPercent, promotions, shipping);

    public static Gen<RefundScenario> Scenarios(bool withExchanges) =>
        from order in Orders
        from shipping in Gen.Elements(Enum.GetValues<ShippingRefundRule>())
        from breach in Gen.Elements(Enum.GetValues<CouponBreachRule>())
        from picks in Gen.Choose(0, 9999).ArrayOf(48)
        select new RefundScenario(order, new AfterSalesPolicy(shipping, breach), picks, withExchanges);

    private static OrderRecord Build(OrderLineRecord[] paid, (int StatedValue, int Quantity, int With)[] gifts, int discountPercent,
        (int DiscountPercent, int ThresholdPercent)[] promotions, long shipping)
    {
        var lines = paid.Select((line, i) => line with { LineNo = i + 1, PlatformSkuId = $"p-{i + 1}" }).ToList();
        for (int g = 0; g < gifts.Length; g++)
        {
            string[] with = Enumerable.Range(0, paid.Length).Where(i => (gifts[g].With & (1 << i)) != 0).Select(i => $"p-{i + 1}").ToArray();
            lines.Add(new OrderLineRecord
            {
                LineNo = lines.Count + 1,
                PlatformSkuId = $"p-gift-{g + 1}",
                MasterSku = $"GIFT-{g + 1}",
                Title = $"赠品 {g + 1}",
                Quantity = gifts[g].Quantity,
                Gift = new GiftTerms(new Money(gifts[g].StatedValue), with),
            });
        }
        long net = paid.Sum(line => line.UnitPrice.Fen * line.Quantity - line.LineDiscount.Fen);
        long orderDiscount = net * discountPercent / 100;
        var named = ImmutableList.CreateBuilder<OrderPromotion>();
        long left = orderDiscount;
        foreach ((int discount, int threshold) in promotions)
        {
            long amount = Math.Min(left, orderDiscount * discount / 100);
            left -= amount;
            named.Add(new OrderPromotion($"券{named.Count + 1}", new Money(Math.Max(0, net * threshold / 100)), new Money(amount)));
        }
        return ReturnOrderBuilder.Assemble("random-1", lines, named.ToImmutable(), new Money(orderDiscount), new Money(shipping));
    }
}
