using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;

namespace OrderActors.Domain.Tests.Support;

/// <summary>
/// Builds a paid order for refund tests the way intake would: the order discount (by default the promotions' sum) is
/// spread over the lines by <see cref="DiscountProration"/>, and the amount paid is goods − discounts + shipping.
/// Platform SKU ids are "p-" + the master SKU.
/// </summary>
public sealed class ReturnOrderBuilder
{
    private readonly List<OrderLineRecord> _lines = [];
    private readonly List<OrderPromotion> _promotions = [];
    private Money? _orderDiscount;
    private Money _shipping;

    public ReturnOrderBuilder Line(string sku, string unitPrice, int quantity = 1, string lineDiscount = "0")
    {
        _lines.Add(new OrderLineRecord
        {
            LineNo = _lines.Count + 1,
            PlatformSkuId = "p-" + sku,
            MasterSku = sku,
            Title = sku,
            Quantity = quantity,
            UnitPrice = Money.FromYuan(unitPrice),
            LineDiscount = Money.FromYuan(lineDiscount),
        });
        return this;
    }

    /// <summary>A free gift line that came with the named master SKUs (none: with the whole order).</summary>
    public ReturnOrderBuilder Gift(string sku, string title, string statedValue, int quantity = 1, params string[] withSkus)
    {
        _lines.Add(new OrderLineRecord
        {
            LineNo = _lines.Count + 1,
            PlatformSkuId = "p-" + sku,
            MasterSku = sku,
            Title = title,
            Quantity = quantity,
            Gift = new GiftTerms(Money.FromYuan(statedValue), withSkus.Select(s => "p-" + s).ToArray()),
        });
        return this;
    }

    public ReturnOrderBuilder Promotion(string name, string threshold, string discount)
    {
        _promotions.Add(new OrderPromotion(name, Money.FromYuan(threshold), Money.FromYuan(discount)));
        return this;
    }

    public ReturnOrderBuilder OrderDiscount(string discount) { _orderDiscount = Money.FromYuan(discount); return this; }

    public ReturnOrderBuilder Shipping(string fee) { _shipping = Money.FromYuan(fee); return this; }

    public OrderRecord Build() => Assemble("taobao-2001", _lines, _promotions,
        _orderDiscount ?? _promotions.Aggregate(Money.Zero, (sum, p) => sum + p.Discount), _shipping);

    /// <summary>An order from finished lines (shares are filled in here), as intake would store it.</summary>
    public static OrderRecord Assemble(string orderId, IReadOnlyList<OrderLineRecord> lines, IReadOnlyList<OrderPromotion> promotions, Money orderDiscount, Money shipping)
    {
        Money[] weights = lines.Select(l => l.UnitPrice * l.Quantity - l.LineDiscount).ToArray();
        IReadOnlyList<Money> shares = DiscountProration.Allocate(orderDiscount, weights);
        ImmutableList<OrderLineRecord> withShares = lines.Select((l, i) => l with { OrderDiscountShare = shares[i] }).ToImmutableList();
        Money goods = lines.Aggregate(Money.Zero, (sum, l) => sum + l.UnitPrice * l.Quantity);
        Money lineDiscounts = lines.Aggregate(Money.Zero, (sum, l) => sum + l.LineDiscount);
        return new OrderRecord
        {
            OrderId = orderId,
            Channel = Channel.Taobao,
            ExternalOrderId = orderId,
            Status = OrderStatus.Delivered,
            IsPaid = true,
            Lines = withShares,
            GoodsTotal = goods,
            OrderDiscount = orderDiscount,
            ShippingFee = shipping,
            AmountPaid = goods - lineDiscounts - orderDiscount + shipping,
            Promotions = [.. promotions],
        };
    }
}
