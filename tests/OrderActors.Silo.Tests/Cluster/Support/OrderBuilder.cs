using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Silo.Tests.Cluster.Support;

/// <summary>A valid paid Taobao order (杭州 西湖区) of one buyer, with the lines a test adds.</summary>
public sealed class OrderBuilder(string externalOrderId)
{
    private readonly List<NormalizedOrderLine> _lines = [];
    private string _buyer = $"buyer-{externalOrderId}";

    public string OrderId => Keys.OrderId(Channel.Taobao, externalOrderId);

    public OrderBuilder Buyer(string buyer)
    {
        _buyer = buyer;
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
        DateTimeOffset created = DateTimeOffset.UtcNow.AddMinutes(-1);
        return new NormalizedOrder
        {
            Channel = Channel.Taobao,
            ExternalOrderId = externalOrderId,
            PlatformStatus = "WAIT_SELLER_SEND_GOODS",
            MappedStatus = OrderStatus.Paid,
            CreatedAt = created,
            PaidAt = created,
            BuyerId = _buyer,
            Receiver = new Contact("张三", "13812345678", false),
            ShippingAddress = new Address("浙江省", "杭州市", "西湖区", "文三路 100 号"),
            Lines = _lines,
            GoodsTotal = goods,
            ShippingFee = Money.Zero,
            OrderDiscount = Money.Zero,
            AmountPaid = goods,
        };
    }
}
