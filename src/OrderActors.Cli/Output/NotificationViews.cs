using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>The notification outbox and its channels. A channel's secret is never shown: the server sends only whether one is set.</summary>
public static class NotificationViews
{
    public static void List(IOutput output, NotificationPage page)
    {
        if (PageLines.Empty(output, page.Items.Count, page.Page, page.Total, "No notifications match.", "notifications"))
        {
            return;
        }
        output.Table(new TableView(
            ["Id 编号", "Event 事件", "Subject 标题", "Channel 渠道", "Status 状态", "Attempts 次数", "Next / delivered 下次/送达", "Recipient 收件人", "Last error 最近错误"],
            page.Items.Select(n => (IReadOnlyList<Cell>)
            [
                Labels.Number(n.NotificationId), EventKind(n.EventKind), n.Subject ?? "", n.Channel, Status(n.Status), Labels.Number(n.Attempts), When(n),
                n.Recipient is { } recipient ? Labels.Phone(recipient) : "", new Cell(n.LastError ?? "", Tone.Bad),
            ]).ToList()));
        PageLines.Footer(output, page.Page, page.PageSize, page.Total, "notifications");
    }

    /// <summary>One notification, as a retry answers it.</summary>
    public static void Show(IOutput output, OutboxNotification n)
    {
        List<Field> fields =
        [
            new("Notification 通知", Labels.Number(n.NotificationId)),
            new("Event 事件", EventKind(n.EventKind)),
            new("Subject 标题", n.Subject ?? ""),
            new("Channel 渠道", n.Channel),
            new("Status 状态", Status(n.Status)),
            new("Attempts 次数", Labels.Number(n.Attempts)),
            new("Created 创建", Labels.Time(n.CreatedAt)),
        ];
        if (n.NextAttemptAt is { } next)
        {
            fields.Add(new("Next attempt 下次发送", Labels.Time(next)));
        }
        if (n.DeliveredAt is { } delivered)
        {
            fields.Add(new("Delivered 送达", Labels.Time(delivered)));
        }
        if (n.Recipient is { } recipient)
        {
            fields.Add(new("Recipient 收件人", Labels.Phone(recipient)));
        }
        if (n.LastError is { Length: > 0 } error)
        {
            fields.Add(new("Last error 最近错误", new Cell(error, Tone.Bad)));
        }
        output.Fields(fields);
    }

    public static void Counts(IOutput output, NotificationCounts counts) =>
        output.Fields(
        [
            new("Pending 待发送", Labels.Number(counts.Pending)),
            new("Delivered 已送达", new Cell(Labels.Number(counts.Delivered), Tone.Good)),
            new("Failed 失败", new Cell(Labels.Number(counts.Failed), counts.Failed > 0 ? Tone.Bad : Tone.Normal)),
        ]);

    public static void Channels(IOutput output, NotificationChannelList channels)
    {
        if (channels.Items.Count == 0)
        {
            output.Line("No notification channels.", Tone.Muted);
            return;
        }
        output.Table(new TableView(
            ["Name 名称", "Kind 类型", "URL 地址", "Secret 密钥", "Events 事件", "Settings 设置", "Updated 更新"],
            channels.Items.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (IReadOnlyList<Cell>)
            [
                c.Name, ChannelKind(c.Kind), c.Url, SecretSet(c.SecretSet), string.Join(", ", c.Events), Settings(c.Settings), Labels.Time(c.UpdatedAt),
            ]).ToList()));
    }

    public static void ChannelSaved(IOutput output, NotificationChannel channel)
    {
        List<Field> fields =
        [
            new("Channel 渠道", new Cell(channel.Name, Tone.Good)),
            new("Kind 类型", ChannelKind(channel.Kind)),
            new("URL 地址", channel.Url),
            new("Secret 密钥", SecretSet(channel.SecretSet)),
            new("Events 事件", string.Join(", ", channel.Events.Select(EventKind))),
        ];
        if (channel.Settings is { Count: > 0 } settings)
        {
            fields.Add(new("Settings 设置", Settings(settings)));
        }
        output.Fields(fields);
    }

    /// <summary>"order.shipped 订单已发货"; "*" is every event.</summary>
    public static string EventKind(string kind) => kind switch
    {
        "order.shipped" => "order.shipped 订单已发货",
        "unpaid.reminder" => "unpaid.reminder 待付款提醒",
        "breaker.tripped" => "breaker.tripped 仓库熔断",
        "stock.low" => "stock.low 库存不足",
        "escalation.raised" => "escalation.raised 新升级工单",
        "escalation.levelled" => "escalation.levelled 升级工单级别变更",
        "order.urgent" => "order.urgent 加急订单",
        "*" => "* 全部",
        _ => kind,
    };

    public static string ChannelKind(string kind) => kind switch
    {
        "wecom" => "wecom 企业微信",
        "feishu" => "feishu 飞书",
        "dingtalk" => "dingtalk 钉钉",
        "sms" => "sms 短信",
        "webhook" => "webhook",
        _ => kind,
    };

    /// <summary>"failed 失败", in red: a dead letter waits for someone to retry it.</summary>
    public static Cell Status(string status) => new(Labels.Status(status), status switch
    {
        "delivered" => Tone.Good,
        "failed" => Tone.Bad,
        "pending" => Tone.Warning,
        _ => Tone.Normal,
    });

    /// <summary>When it was delivered, or when it will be tried next; nothing for a dead letter.</summary>
    private static string When(OutboxNotification n) => n.Status switch
    {
        "delivered" => Labels.Time(n.DeliveredAt),
        "pending" => Labels.Time(n.NextAttemptAt),
        _ => "",
    };

    private static Cell SecretSet(bool set) => set ? new Cell("set 已设置", Tone.Good) : new Cell("none 未设置", Tone.Muted);

    /// <summary>"msgtype=text, signName=某某商城" (credentials as the server masked them), in key order.</summary>
    private static string Settings(IReadOnlyDictionary<string, string>? settings) =>
        settings is null ? "" : string.Join(", ", settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
}
