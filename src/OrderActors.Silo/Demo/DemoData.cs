using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;
using Orleans;

namespace OrderActors.Silo.Demo;

/// <summary>What the demo created.</summary>
public sealed record DemoResult(int Warehouses, int Skus, int Orders, IReadOnlyList<string> ReturnableOrders);

/// <summary>
/// Demo data for a first look: six warehouses (three cold-chain), a small catalog with a hot SKU split
/// into buckets, stock, mappings for every channel, and orders from all channels — mostly clean, some
/// unpaid, a few with problems that put them on hold.
/// </summary>
public sealed class DemoData(IGrainFactory grains, TimeProvider time)
{
    private static readonly (string Id, string Name, double Lat, double Lng, string Region, bool Cold, string[] Backups)[] Warehouses =
    [
        ("WH-HZ", "杭州冷链仓", 30.27, 120.15, "华东", true, ["WH-SH", "WH-NJ"]),
        ("WH-SH", "上海冷链仓", 31.23, 121.47, "华东", true, ["WH-HZ"]),
        ("WH-NJ", "南京仓", 32.06, 118.80, "华东", false, ["WH-SH"]),
        ("WH-BJ", "北京仓", 39.90, 116.40, "华北", false, ["WH-NJ"]),
        ("WH-GZ", "广州冷链仓", 23.13, 113.26, "华南", true, ["WH-HZ"]),
        ("WH-CD", "成都仓", 30.57, 104.07, "西南", false, ["WH-GZ"]),
    ];

    private static readonly (string Sku, string Name, bool Cold, long PriceFen, int Buckets)[] Skus =
    [
        ("TEA-MILK-1L", "鲜牛乳 1L", true, 1890, 1),
        ("TEA-LONGJING", "西湖龙井 250g", false, 26800, 1),
        ("CUP-THERMO", "保温杯 500ml", false, 9900, 8),
        ("NS-WAL-40", "北欧实木床头柜", false, 15000, 1),
        ("PIL-LATEX", "泰国天然乳胶枕", false, 7500, 2),
        ("TOWEL-SET", "纯棉毛巾三件套", false, 5900, 1),
    ];

    private static readonly (string Province, string City, string District)[] Places =
    [
        ("浙江省", "杭州市", "西湖区"), ("上海市", "上海市", "浦东新区"), ("江苏省", "南京市", "鼓楼区"), ("北京市", "北京市", "朝阳区"),
        ("广东省", "广州市", "天河区"), ("四川省", "成都市", "武侯区"), ("浙江省", "宁波市", "鄞州区"), ("江苏省", "苏州市", "姑苏区"),
    ];

    public async Task<DemoResult> SeedAsync(string tenant, int orders)
    {
        ICatalogGrain catalog = grains.GetGrain<ICatalogGrain>(tenant);
        foreach (var w in Warehouses)
        {
            await grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(tenant, w.Id))
                .UpsertAsync(new WarehouseDefinition(w.Name, new GeoPoint(w.Lat, w.Lng), w.Region, w.Cold, 20_000, w.Backups));
        }
        var random = new Random(2026);
        foreach (var s in Skus)
        {
            await catalog.UpsertSkuAsync(new SkuInfo(s.Sku, s.Name, s.Cold, new Money(s.PriceFen), s.Buckets));
            foreach (var w in Warehouses.Where(w => w.Cold || !s.Cold))
            {
                await catalog.SetInventoryAsync(w.Id, s.Sku, 200 + random.Next(400), 10);
            }
            foreach (Channel channel in Enum.GetValues<Channel>())
            {
                await grains.GetGrain<ISkuMappingGrain>(Keys.Mapping(tenant, channel, PlatformSku(channel, s.Sku))).SetAsync(s.Sku, null);
            }
        }
        string batch = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Task.WhenAll(Enumerable.Range(0, orders).Select(i => SubmitAsync(tenant, Order(batch, i, new Random(i)))));
        IReadOnlyList<string> returnable = await Task.WhenAll(AfterSalesOrders(batch).Select(o => ShippedAsync(tenant, o)));
        return new DemoResult(Warehouses.Length, Skus.Length, orders, returnable);
    }

    /// <summary>
    /// Delivered mini-program orders to try after-sales on: a 满300减50 coupon over two 150.00 night stands (return one:
    /// its coupon share is 25.00), and a 满300减50 order of tea and a cup with a towel set as a gift (赠品, stated 59.00)
    /// and 10.00 shipping.
    /// </summary>
    private IEnumerable<NormalizedOrder> AfterSalesOrders(string batch)
    {
        var coupon = new OrderPromotion("满300减50", new Money(30000), new Money(5000));
        NormalizedOrderLine Line(string sku, int quantity, long priceFen, GiftTerms? gift = null) => new()
        {
            PlatformSkuId = PlatformSku(Channel.Miniapp, sku),
            Title = Skus.Single(s => s.Sku == sku).Name,
            Quantity = quantity,
            UnitPrice = new Money(priceFen),
            LineDiscount = Money.Zero,
            Gift = gift,
        };
        yield return AfterSalesOrder($"demo-{batch}-as1", [Line("NS-WAL-40", 2, 15000)], coupon, Money.Zero);
        yield return AfterSalesOrder($"demo-{batch}-as2", [
            Line("TEA-LONGJING", 1, 26800),
            Line("CUP-THERMO", 1, 9900),
            Line("TOWEL-SET", 1, 0, new GiftTerms(new Money(5900), [PlatformSku(Channel.Miniapp, "TEA-LONGJING")])),
        ], coupon, new Money(1000));
    }

    private NormalizedOrder AfterSalesOrder(string externalId, IReadOnlyList<NormalizedOrderLine> lines, OrderPromotion coupon, Money shipping)
    {
        Money goods = lines.Aggregate(Money.Zero, (sum, l) => sum + l.UnitPrice * l.Quantity);
        DateTimeOffset created = time.GetUtcNow().AddDays(-3);
        return new NormalizedOrder
        {
            Channel = Channel.Miniapp,
            ExternalOrderId = externalId,
            PlatformStatus = "paid",
            MappedStatus = OrderStatus.Paid,
            CreatedAt = created,
            PaidAt = created.AddMinutes(1),
            BuyerId = $"demo-buyer-{externalId}",
            Receiver = new Contact("王五", "13912345678", false),
            ShippingAddress = new Address("浙江省", "杭州市", "西湖区", "文三路 90 号"),
            Lines = lines,
            GoodsTotal = goods,
            ShippingFee = shipping,
            OrderDiscount = coupon.Discount,
            Promotions = [coupon],
            AmountPaid = goods - coupon.Discount + shipping,
        };
    }

    /// <summary>Submits the order, waits for its allocation, ships and delivers it; answers its id.</summary>
    private async Task<string> ShippedAsync(string tenant, NormalizedOrder order)
    {
        string orderId = Keys.OrderId(order.Channel, order.ExternalOrderId);
        IOrderGrain grain = grains.GetGrain<IOrderGrain>(Keys.Order(tenant, orderId));
        await grain.SubmitAsync(order, time.GetUtcNow());
        for (int attempt = 0; attempt < 100 && (await grain.GetAsync())?.Status != OrderStatus.Allocated; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        if ((await grain.GetAsync())?.Status == OrderStatus.Allocated)
        {
            await grain.ShipAsync("SF", $"SF-{order.ExternalOrderId}", "demo");
            await grain.DeliverAsync("demo");
        }
        return orderId;
    }

    private Task SubmitAsync(string tenant, NormalizedOrder order) =>
        grains.GetGrain<IOrderGrain>(Keys.Order(tenant, Keys.OrderId(order.Channel, order.ExternalOrderId))).SubmitAsync(order, time.GetUtcNow());

    private NormalizedOrder Order(string batch, int index, Random random)
    {
        Channel channel = Enum.GetValues<Channel>()[index % 6];
        var place = Places[random.Next(Places.Length)];
        var lines = Enumerable.Range(0, 1 + random.Next(2))
            .Select(_ => Skus[random.Next(Skus.Length)])
            .DistinctBy(s => s.Sku)
            .Select(s => new NormalizedOrderLine
            {
                PlatformSkuId = index % 50 == 7 ? "unmapped-sku" : PlatformSku(channel, s.Sku),
                Title = s.Name,
                Quantity = 1 + random.Next(2),
                UnitPrice = new Money(s.PriceFen),
                LineDiscount = Money.Zero,
            })
            .ToList();
        Money goods = lines.Aggregate(Money.Zero, (sum, l) => sum + l.UnitPrice * l.Quantity);
        bool paid = index % 10 != 3;
        bool encrypted = channel == Channel.Douyin && index % 60 == 27;
        DateTimeOffset created = time.GetUtcNow().AddSeconds(-random.Next(600));
        return new NormalizedOrder
        {
            Channel = channel,
            ExternalOrderId = $"demo-{batch}-{index}",
            PlatformStatus = paid ? "paid" : "unpaid",
            MappedStatus = paid ? OrderStatus.Paid : OrderStatus.PendingPayment,
            CreatedAt = created,
            PaidAt = paid ? created.AddSeconds(30) : null,
            BuyerId = $"demo-buyer-{index}",
            Receiver = encrypted
                ? new Contact($"#李##DEMO{index:D4}CIPHERTEXTNAME==*CgkIARCtHCAB#1##", $"$$139****{index:D4}$$DEMO{index:D4}CIPHERTEXTTEL==*CgkI$1$$", true, Encrypted: true)
                : new Contact("李四", index % 40 == 11 ? "12345" : $"13{random.Next(5, 10)}{random.Next(10_000_000, 99_999_999)}", false),
            ShippingAddress = new Address(place.Province, place.City, place.District,
                encrypted ? $"##人民##DEMO{index:D4}CIPHERTEXTSTREET==*CgkI##1##" : $"人民路 {random.Next(1, 999)} 号"),
            Findings = encrypted
                ? [new IntakeFinding(HoldCodes.PiiEncrypted, "receiver", "the platform sent the receiver encrypted: allocated by its divisions, shipping waits for the decrypt result")]
                : [],
            BuyerNote = index % 9 == 0 ? "工作日送货" : null,
            Lines = lines,
            GoodsTotal = goods,
            ShippingFee = Money.Zero,
            OrderDiscount = Money.Zero,
            AmountPaid = goods,
        };
    }

    private static string PlatformSku(Channel channel, string sku) => $"{channel.ToRouteName()}-{sku}";
}
