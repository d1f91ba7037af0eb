using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Tests.Support;

/// <summary>
/// Builds a normalised miniapp order that passes intake cleanly (150-yuan nightstand + two 75-yuan pillows, 满300减50,
/// 10 yuan shipping, 260 paid, 杭州 西湖区), so each test changes only what it is about.
/// </summary>
public sealed class OrderBuilder
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 1, 20, 12, 16, 6, TimeSpan.Zero);

    private readonly List<NormalizedOrderLine> _lines =
    [
        Line("SKU-NS", 15000, 1, "胡桃色;40cm"),
        Line("SKU-PIL", 7500, 2, "标准款"),
    ];
    private Contact _receiver = new("王小明", "13812345678", PhoneMasked: false);
    private Address _address = new("浙江省", "杭州市", "西湖区", "文三路398号东方通信大厦7楼");
    private string _buyerId = "oBuyer1";
    private long _shippingFen = 1000;
    private long _orderDiscountFen = 5000;
    private long? _amountPaidFen;
    private long? _goodsTotalFen;
    private DateTimeOffset? _clientSubmittedAt = ReceivedAt.AddMilliseconds(-600);

    public static NormalizedOrderLine Line(string skuId, long unitPriceFen, int quantity, string? variant = null, long discountFen = 0) => new()
    {
        PlatformSkuId = skuId,
        Title = skuId,
        Variant = variant,
        Quantity = quantity,
        UnitPrice = new Money(unitPriceFen),
        LineDiscount = new Money(discountFen),
    };

    public OrderBuilder WithLines(params NormalizedOrderLine[] lines)
    {
        _lines.Clear();
        _lines.AddRange(lines);
        return this;
    }

    public OrderBuilder WithReceiver(string phone, bool masked = false)
    {
        _receiver = _receiver with { Phone = phone, PhoneMasked = masked };
        return this;
    }

    public OrderBuilder WithAddress(string province, string city, string district, string detail = "文三路398号")
    {
        _address = new Address(province, city, district, detail);
        return this;
    }

    public OrderBuilder WithBuyer(string buyerId)
    {
        _buyerId = buyerId;
        return this;
    }

    public OrderBuilder WithShipping(long fen)
    {
        _shippingFen = fen;
        return this;
    }

    public OrderBuilder WithOrderDiscount(long fen)
    {
        _orderDiscountFen = fen;
        return this;
    }

    /// <summary>Overrides what the buyer paid; by default it is what goods, discounts and shipping add up to.</summary>
    public OrderBuilder WithAmountPaid(long fen)
    {
        _amountPaidFen = fen;
        return this;
    }

    public OrderBuilder WithGoodsTotal(long fen)
    {
        _goodsTotalFen = fen;
        return this;
    }

    public OrderBuilder WithClientSubmittedAt(DateTimeOffset? at)
    {
        _clientSubmittedAt = at;
        return this;
    }

    public NormalizedOrder Build()
    {
        long goods = _goodsTotalFen ?? _lines.Sum(line => line.UnitPrice.Fen * line.Quantity);
        long lineDiscounts = _lines.Sum(line => line.LineDiscount.Fen);
        return new NormalizedOrder
        {
            Channel = Channel.Miniapp,
            ExternalOrderId = "MP1",
            PlatformStatus = "PAID",
            MappedStatus = OrderStatus.Paid,
            CreatedAt = ReceivedAt.AddMinutes(-1),
            PaidAt = ReceivedAt.AddSeconds(-1),
            ClientSubmittedAt = _clientSubmittedAt,
            BuyerId = _buyerId,
            Receiver = _receiver,
            ShippingAddress = _address,
            Lines = _lines.ToArray(),
            GoodsTotal = new Money(goods),
            ShippingFee = new Money(_shippingFen),
            OrderDiscount = new Money(_orderDiscountFen),
            AmountPaid = new Money(_amountPaidFen ?? goods - lineDiscounts - _orderDiscountFen + _shippingFen),
        };
    }
}
