using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Silo.Tracking;

/// <summary>
/// The tracking page's HTML, written on the server: no script at all, one stylesheet (<c>/css/tracking.css</c>), so it
/// runs under the hub's CSP on any phone. Every value goes through the framework's HTML encoder.
/// </summary>
public static class TrackingHtml
{
    /// <summary>China has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tz database on the host.</summary>
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    // Chinese stays readable in the source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Dictionary<string, string> CarrierNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SF"] = "顺丰速运",
        ["YTO"] = "圆通速递",
        ["ZTO"] = "中通快递",
        ["STO"] = "申通快递",
        ["YUNDA"] = "韵达快递",
        ["YD"] = "韵达快递",
        ["JD"] = "京东物流",
        ["EMS"] = "中国邮政 EMS",
        ["JT"] = "极兔速递",
        ["DBL"] = "德邦快递",
    };

    public static string Page(TrackingView view)
    {
        var html = new StringBuilder(4096);
        Head(html, $"{ChannelLabel(view.Channel)}订单 · 物流跟踪");
        html.Append("<main class=\"tracking\">\n<header class=\"shop\">")
            .Append("<span class=\"channel\">").Append(Encode(ChannelLabel(view.Channel))).Append("</span>")
            .Append("<span class=\"order-no\">订单号 ").Append(Encode(view.ExternalOrderId)).Append("</span></header>\n");
        if (view.OffPath)
        {
            html.Append("<p class=\"status-note ").Append(view.Status == CustomerStatus.Cancelled ? "cancelled" : "after-sales").Append("\">")
                .Append(Encode(view.Status.Label()));
            Time(html, view.StatusAt);
            html.Append("</p>\n");
        }
        html.Append("<ol class=\"stages\" aria-label=\"订单进度\">\n");
        foreach (TrackingStage stage in view.Stages)
        {
            string state = stage.Current ? "current" : stage.Reached ? "done" : "pending";
            html.Append("<li class=\"stage ").Append(state).Append("\" data-stage=\"").Append(stage.Stage).Append('"')
                .Append(stage.Current ? " aria-current=\"step\"" : "").Append("><span class=\"label\">")
                .Append(Encode(stage.Stage.Label())).Append("</span>");
            Time(html, stage.Reached ? stage.At : null);
            html.Append("</li>\n");
        }
        html.Append("</ol>\n<section class=\"parcel\">\n<h2>物流信息</h2>\n");
        if (view.TrackingNo is { } trackingNo)
        {
            html.Append("<p class=\"carrier\"><span class=\"carrier-name\">").Append(Encode(CarrierName(view.Carrier))).Append("</span> ")
                .Append("<span class=\"tracking-no\">").Append(Encode(trackingNo)).Append("</span></p>\n");
        }
        if (view.Events.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(view.TrackingNo is null ? "商家发货后，这里会显示物流进度。" : "暂无物流轨迹。").Append("</p>\n");
        }
        else
        {
            html.Append("<ol class=\"events\">\n");
            foreach (TrackingEvent e in view.Events)
            {
                html.Append("<li>");
                Time(html, e.At);
                html.Append("<span class=\"event\">").Append(Encode(EventLabel(e.Kind))).Append("</span></li>\n");
            }
            html.Append("</ol>\n");
        }
        html.Append("</section>\n<section class=\"receiver\">\n<h2>收货信息</h2>\n<p>").Append(Encode(view.Receiver)).Append("</p>\n</section>\n");
        html.Append("<footer>信息仅供查询物流使用，请勿转发此链接。</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The one answer for every token that does not open a page: it never says which part was wrong.</summary>
    public static string NotFound() => Message("链接无效", "这个物流查询链接无效，请核对短信中的链接是否完整。");

    public static string TooMany() => Message("请稍后再试", "查询过于频繁，请一分钟后再试。");

    /// <summary>12月02日 14:05, China time.</summary>
    public static string ChinaDateTime(DateTimeOffset at) =>
        at.ToOffset(ChinaTime).ToString("MM'月'dd'日' HH:mm", CultureInfo.InvariantCulture);

    private static string Message(string title, string text)
    {
        var html = new StringBuilder(1024);
        Head(html, title);
        html.Append("<main class=\"tracking\">\n<section class=\"message\">\n<h1>").Append(Encode(title)).Append("</h1>\n<p>")
            .Append(Encode(text)).Append("</p>\n</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Head(StringBuilder html, string title) =>
        html.Append("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/css/tracking.css\">\n</head>\n<body>\n");

    private static void Time(StringBuilder html, DateTimeOffset? at)
    {
        if (at is { } moment)
        {
            html.Append(" <time datetime=\"").Append(Encode(moment.ToOffset(ChinaTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)))
                .Append("\">").Append(Encode(ChinaDateTime(moment))).Append("</time>");
        }
    }

    private static string Encode(string text) => Encoder.Encode(text);

    private static string CarrierName(string? carrier) =>
        carrier is null ? "快递" : CarrierNames.TryGetValue(carrier, out string? name) ? name : carrier;

    private static string EventLabel(CarrierEventKind? kind) => kind switch
    {
        CarrierEventKind.PickedUp => "快递员已揽收",
        CarrierEventKind.InTransit => "运输中",
        CarrierEventKind.OutForDelivery => "派送中",
        CarrierEventKind.Delivered => "已签收",
        CarrierEventKind.Exception => "物流异常，快递公司正在处理",
        _ => "物流更新",
    };

    private static string ChannelLabel(Channel channel) => channel switch
    {
        Channel.Taobao => "淘宝/天猫",
        Channel.Jd => "京东",
        Channel.Pdd => "拼多多",
        Channel.Douyin => "抖音小店",
        Channel.Meituan => "美团",
        Channel.Miniapp => "小程序",
        _ => channel.ToString(),
    };
}
