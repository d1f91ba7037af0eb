using System.Globalization;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Cli.Output;

/// <summary>How values read to operators: the Chinese status stamps they use, money in yuan, local times.</summary>
public static class Labels
{
    /// <summary>The stamp warehouse staff and customer service use for an order status (已分仓, 已出库, 在途 …).</summary>
    public static string Stamp(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => "待付款",
        OrderStatus.Paid => "已付款",
        OrderStatus.Reserved => "已锁库",
        OrderStatus.Allocated => "已分仓",
        OrderStatus.Shipped => "已出库",
        OrderStatus.InTransit => "在途",
        OrderStatus.Delivered => "已签收",
        OrderStatus.Completed => "已完成",
        OrderStatus.OnHold => "挂起",
        OrderStatus.Cancelled => "已取消",
        OrderStatus.Returning => "退货中",
        OrderStatus.Refunded => "已退款",
        _ => status.ToString(),
    };

    /// <summary>"Allocated 已分仓".</summary>
    public static Cell Status(OrderStatus status) => new($"{status} {Stamp(status)}", status switch
    {
        OrderStatus.OnHold => Tone.Warning,
        OrderStatus.Cancelled or OrderStatus.Refunded => Tone.Muted,
        OrderStatus.Delivered or OrderStatus.Completed => Tone.Good,
        _ => Tone.Normal,
    });

    /// <summary>
    /// A status name from a problem detail ("Cancelled", an RMA's "Approved", a notification's "delivered"), with its
    /// stamp when it is one of ours.
    /// </summary>
    // Refunded is both an order's and an RMA's status; both stamp it 已退款. Notification statuses are lowercase words.
    public static string Status(string status) =>
        Enum.TryParse(status, ignoreCase: false, out OrderStatus order) ? $"{order} {Stamp(order)}"
        : Enum.TryParse(status, ignoreCase: false, out RmaStatus rma) ? $"{rma} {Stamp(rma)}"
        : NotificationStamp(status) is { } stamp ? $"{status} {stamp}"
        : status;

    /// <summary>An outbox status's stamp: 待发送, 已送达, 失败 (the dead letter); null for any other word.</summary>
    public static string? NotificationStamp(string status) => status switch
    {
        "pending" => "待发送",
        "delivered" => "已送达",
        "failed" => "失败",
        _ => null,
    };

    /// <summary>The stamp customer service uses for an RMA status (待审核, 已同意 …).</summary>
    public static string Stamp(RmaStatus status) => status switch
    {
        RmaStatus.Requested => "待审核",
        RmaStatus.Approved => "已同意",
        RmaStatus.Rejected => "已拒绝",
        RmaStatus.Received => "已收货",
        RmaStatus.Refunded => "已退款",
        RmaStatus.Closed => "已关闭",
        _ => status.ToString(),
    };

    /// <summary>"Approved 已同意".</summary>
    public static Cell Status(RmaStatus status) => new($"{status} {Stamp(status)}", status switch
    {
        RmaStatus.Requested => Tone.Warning,
        RmaStatus.Rejected or RmaStatus.Closed => Tone.Muted,
        RmaStatus.Refunded => Tone.Good,
        _ => Tone.Normal,
    });

    /// <summary>A return kind as the API spells it, with its Chinese name: "refund_only 仅退款".</summary>
    public static string ReturnKind(string kind) => kind switch
    {
        "return" => "return 退货退款",
        "exchange" => "exchange 换货",
        "refund_only" => "refund_only 仅退款",
        _ => kind,
    };

    /// <summary>A share from 0 to 1 as a whole percentage: 0.874 → "87%".</summary>
    public static string Percent(double share) => $"{Number(share * 100, "0")}%";

    /// <summary>"Open 熔断".</summary>
    public static Cell Breaker(BreakerState state) => state switch
    {
        BreakerState.Closed => new Cell("Closed 正常", Tone.Good),
        BreakerState.Open => new Cell("Open 熔断", Tone.Bad),
        BreakerState.HalfOpen => new Cell("HalfOpen 半开", Tone.Warning),
        _ => new Cell(state.ToString()),
    };

    /// <summary>Integer fen as yuan: 26000 → "¥260.00".</summary>
    public static string Money(long fen) =>
        string.Create(CultureInfo.InvariantCulture, $"{(fen < 0 ? "-" : "")}¥{Math.Abs(fen) / 100}.{Math.Abs(fen) % 100:00}");

    /// <summary>A server time (UTC) in this machine's zone, to the second.</summary>
    public static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) => at is { } value ? Time(value) : "";

    /// <summary>
    /// The server masks phone numbers already; masking again here keeps a full number off the screen even if an
    /// older server or a new field lets one through.
    /// </summary>
    public static string Phone(string phone) => phone.Contains('*', StringComparison.Ordinal) ? phone : Masking.Phone(phone);

    public static string YesNo(bool value) => value ? "yes 是" : "no 否";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
