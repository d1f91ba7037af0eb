using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Addresses;
using OrderActors.Domain.Intake;

namespace OrderActors.Connectors.Tests.Support;

/// <summary>
/// The one real order every channel's order.json describes: 王小明 in 杭州 西湖区 buys a 150-yuan nightstand and two
/// 75-yuan pillows, 满300减50, 10 yuan shipping, 260 paid. Platform SKU ids map to the same two master SKUs.
/// </summary>
public static class SharedOrder
{
    public const string Nightstand = "MJ-NS-WAL-40";
    public const string Pillow = "MJ-PIL-LTX-STD";

    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 20, 12, 15, 30, TimeSpan.Zero);
    public static readonly DateTimeOffset PaidAt = new(2026, 1, 20, 12, 16, 5, TimeSpan.Zero);

    public static InMemorySkuMappings Mappings { get; } = new InMemorySkuMappings()
        .Map(Channel.Taobao, "5012345678901", new SkuMapping(Nightstand)).Map(Channel.Taobao, "5012345678902", new SkuMapping(Pillow))
        .Map(Channel.Jd, "100012345601", new SkuMapping(Nightstand)).Map(Channel.Jd, "100012345602", new SkuMapping(Pillow))
        .Map(Channel.Pdd, "1234567001", new SkuMapping(Nightstand)).Map(Channel.Pdd, "1234567002", new SkuMapping(Pillow))
        .Map(Channel.Douyin, "1760000000001", new SkuMapping(Nightstand)).Map(Channel.Douyin, "1760000000002", new SkuMapping(Pillow))
        .Map(Channel.Meituan, "mt-ns-wal-40", new SkuMapping(Nightstand)).Map(Channel.Meituan, "mt-pil-ltx-std", new SkuMapping(Pillow))
        .Map(Channel.Miniapp, "MP-NS-WAL-40", new SkuMapping(Nightstand)).Map(Channel.Miniapp, "MP-PIL-LTX-STD", new SkuMapping(Pillow));

    /// <summary>
    /// What must be equal across channels: everything but channel, ids, status text and platform SKU ids, with the
    /// address compared by its resolved division code (platforms spell "浙江" and "浙江省") and lines by master SKU.
    /// Coordinates (only Meituan) and the client submit time (only the mini-program) are not compared.
    /// </summary>
    public static Comparable Project(NormalizedOrder order)
    {
        DivisionCatalog.Default.TryResolve(
            order.ShippingAddress.Province, order.ShippingAddress.City, order.ShippingAddress.District, out ResolvedDivision? division);
        string lines = string.Join(" | ", order.Lines.Select(line =>
            Line(Mappings.Find(order.Channel, line.PlatformSkuId)?.MasterSku, line.Title, line.Variant, line.Quantity, line.UnitPrice, line.LineDiscount)));
        return new Comparable(
            order.MappedStatus, order.CreatedAt, order.PaidAt, order.Receiver, division?.Code,
            order.ShippingAddress.Detail, order.BuyerNote, order.SellerNote,
            lines, order.GoodsTotal, order.ShippingFee, order.OrderDiscount, order.AmountPaid);
    }

    /// <summary>
    /// The shared order as <paramref name="channel"/>'s connector must produce it. Only what a platform does not carry
    /// differs: JD's items have no variant apart from the SKU name, and Meituan's detail has no payment time, so its
    /// connector dates payment at ctime.
    /// </summary>
    public static Comparable ExpectedFor(Channel channel)
    {
        string? nightstandVariant = channel == Channel.Jd ? null : "胡桃色;40cm";
        string? pillowVariant = channel == Channel.Jd ? null : "标准款";
        string lines = Line(Nightstand, "北欧实木床头柜", nightstandVariant, 1, new Money(15000), Money.Zero)
            + " | " + Line(Pillow, "泰国天然乳胶枕", pillowVariant, 2, new Money(7500), Money.Zero);
        return new Comparable(
            OrderStatus.Paid, CreatedAt, channel == Channel.Meituan ? CreatedAt : PaidAt,
            new Contact("王小明", "13812345678", PhoneMasked: false), "330106", "文三路398号东方通信大厦7楼", "工作日白天送货", null,
            lines, new Money(30000), new Money(1000), new Money(5000), new Money(26000));
    }

    private static string Line(string? masterSku, string title, string? variant, int quantity, Money unitPrice, Money discount) =>
        $"{masterSku} {title} [{variant}] {quantity}×{unitPrice} −{discount}";

    public sealed record Comparable(
        OrderStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, Contact Receiver, string? DivisionCode, string Detail,
        string? BuyerNote, string? SellerNote, string Lines, Money GoodsTotal, Money ShippingFee, Money OrderDiscount, Money AmountPaid);
}
