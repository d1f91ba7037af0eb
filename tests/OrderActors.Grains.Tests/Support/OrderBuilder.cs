using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Grains.Tests.Support;

/// <summary>Valid channel orders (杭州 西湖区, a real mobile number), varied per test.</summary>
public sealed class OrderBuilder(string externalOrderId)
{
    private Channel _channel = Channel.Taobao;
    private bool _paid = true;
    private string _phone = "13812345678";
    private string _buyer = $"buyer-{externalOrderId}";
    private Address _address = new("浙江省", "杭州市", "西湖区", "文三路 100 号");
    private readonly List<NormalizedOrderLine> _lines = [];

    public string OrderId => Keys.OrderId(_channel, externalOrderId);

    public OrderBuilder From(Channel channel) { _channel = channel; return this; }

    public OrderBuilder Unpaid() { _paid = false; return this; }

    public OrderBuilder Phone(string phone) { _phone = phone; return this; }

    public OrderBuilder Buyer(string buyer) { _buyer = buyer; return this; }

    public OrderBuilder ShipTo(string province, string city, string district, GeoPoint? at = null)
    {
        _address = new Address(province, city, district, "某路 1 号", at);
        return this;
    }

    public OrderBuilder Line(string platformSkuId, int quantity = 1, long unitPriceFen = 5000)
    {
        _lines.Add(new NormalizedOrderLine
        {
            PlatformSkuId = platformSkuId,
            Title = $"商品 {platformSkuId}",
            Quantity = quantity,
            UnitPrice = new Money(unitPriceFen),
            LineDiscount = Money.Zero,
        });
        return this;
    }

    public NormalizedOrder Build()
    {
        Money goods = _lines.Aggregate(Money.Zero, (sum, l) => sum + l.UnitPrice * l.Quantity);
        DateTimeOffset created = new(2026, 11, 11, 1, 59, 0, TimeSpan.Zero);
        return new NormalizedOrder
        {
            Channel = _channel,
            ExternalOrderId = externalOrderId,
            PlatformStatus = _paid ? "WAIT_SELLER_SEND_GOODS" : "WAIT_BUYER_PAY",
            MappedStatus = _paid ? OrderStatus.Paid : OrderStatus.PendingPayment,
            CreatedAt = created,
            PaidAt = _paid ? created : null,
            BuyerId = _buyer,
            Receiver = new Contact("张三", _phone, false),
            ShippingAddress = _address,
            Lines = _lines,
            GoodsTotal = goods,
            ShippingFee = Money.Zero,
            OrderDiscount = Money.Zero,
            AmountPaid = goods,
        };
    }
}
