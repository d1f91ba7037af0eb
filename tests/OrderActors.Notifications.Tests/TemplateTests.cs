using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

public sealed class TemplateTests
{
    /// <summary>The fields each kind documents (EventKinds), as the hub will send them.</summary>
    public static TheoryData<string, string[]> DocumentedFields => new()
    {
        { EventKinds.OrderShipped, ["orderId", "carrier", "trackingNo", "trackingUrl", "eta"] },
        { EventKinds.UnpaidReminder, ["orderId", "couponCode", "cancelAt"] },
        { EventKinds.BreakerTripped, ["warehouseId", "reason", "rerouted", "unroutable"] },
        { EventKinds.StockLow, ["sku", "warehouseId", "available", "shortfall", "leadTimeDays"] },
        { EventKinds.EscalationRaised, ["escalationId", "subject", "level", "kind", "assignee"] },
        { EventKinds.EscalationLevelled, ["escalationId", "subject", "level", "kind", "assignee"] },
        { EventKinds.OrderUrgent, ["orderId", "tag", "note"] },
    };

    public static TheoryData<string> AllKinds => new(EventKinds.All);

    [Fact]
    public void OrderShippedRendersItsExactChineseTitleTextAndMarkdown()
    {
        RenderedMessage message = NotificationTemplates.Render(Samples.Shipped());

        Assert.Equal("订单已发货", message.Title);
        Assert.Equal("订单 TB20240618001 已发货：顺丰速运，运单号 SF1234567890，预计 6月20日 送达。物流查询：https://t.example.cn/SF1234567890", message.Text);
        Assert.Equal(
            "### 订单已发货\n> 订单：TB20240618001\n> 快递：顺丰速运\n> 运单号：SF1234567890\n> 预计送达：6月20日\n[查看物流](https://t.example.cn/SF1234567890)",
            message.Markdown);
    }

    [Fact]
    public void BreakerTrippedCountsReroutedAndUnroutableOrders()
    {
        RenderedMessage message = NotificationTemplates.Render(Samples.BreakerTripped());

        Assert.Equal("仓库熔断", message.Title);
        Assert.Equal("仓库 WH-HZ-01 已熔断，原因：拣货超时率 35%。已改派 128 单，无法改派 7 单。", message.Text);
        Assert.Contains("> 无法改派：**7** 单", message.Markdown);
    }

    [Fact]
    public void OrderShippedSmsIsTheBuyersTextWithTrackingLinkAndEta()
    {
        string sms = NotificationTemplates.RenderSms(Samples.Shipped(), "好物小店");

        Assert.Equal("【好物小店】您的订单TB20240618001已由顺丰速运发出，运单号SF1234567890，预计6月20日送达，物流：https://t.example.cn/SF1234567890", sms);
    }

    [Fact]
    public void UnpaidReminderSmsNamesTheCouponAndFitsOneSegment()
    {
        var reminder = new Notification(EventKinds.UnpaidReminder, "待付款", new Dictionary<string, string>
        {
            ["orderId"] = "PDD240618-77",
            ["couponCode"] = "FH5OFF",
            ["cancelAt"] = "18:30",
        }, Samples.BuyerPhone);

        string sms = NotificationTemplates.RenderSms(reminder, "好物小店");

        Assert.Equal("【好物小店】您的订单PDD240618-77还未付款，18:30前付款可用券码FH5OFF，逾期自动取消。", sms);
        Assert.True(sms.Length <= 70, $"{sms.Length} characters");
    }

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void EveryKindRendersWithNoFieldsAsDashesAndNeverThrows(string kind)
    {
        var empty = new Notification(kind, "", new Dictionary<string, string>(), null);

        RenderedMessage message = NotificationTemplates.Render(empty);
        string sms = NotificationTemplates.RenderSms(empty, "好物小店");

        Assert.False(string.IsNullOrWhiteSpace(message.Title));
        Assert.Contains(NotificationTemplates.Missing, message.Text);
        Assert.StartsWith($"### {message.Title}\n", message.Markdown);
        Assert.DoesNotContain("{", message.Text + message.Markdown + sms);
        Assert.StartsWith("【好物小店】", sms);
        Assert.All(NotificationTemplates.SmsParameters(empty).Values, v => Assert.Equal(NotificationTemplates.Missing, v));
    }

    [Theory]
    [MemberData(nameof(DocumentedFields))]
    public void EveryDocumentedFieldAppearsInTheTextOrMarkdown(string kind, string[] fields)
    {
        Dictionary<string, string> values = fields.ToDictionary(f => f, f => $"<{f}-value>");
        var notification = new Notification(kind, "subject", values, null);

        RenderedMessage message = NotificationTemplates.Render(notification);

        Assert.All(fields, f => Assert.Contains($"<{f}-value>", message.Markdown));
        Assert.DoesNotContain(NotificationTemplates.Missing, message.Text + message.Markdown);
    }

    [Theory]
    [MemberData(nameof(DocumentedFields))]
    public void SmsParametersCarryTheFieldsTheSmsReadsByTheirNames(string kind, string[] fields)
    {
        Dictionary<string, string> values = fields.ToDictionary(f => f, f => f.ToUpperInvariant());
        var notification = new Notification(kind, "subject", values, null);

        IReadOnlyDictionary<string, string> parameters = NotificationTemplates.SmsParameters(notification);
        string sms = NotificationTemplates.RenderSms(notification, "店");

        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.Equal(p.Key.ToUpperInvariant(), p.Value));
        Assert.All(parameters, p => Assert.Contains(p.Value, sms));
    }

    [Fact]
    public void OperatorSmsWithTypicalValuesStayWithinOneSegment()
    {
        Notification[] typical =
        [
            Samples.BreakerTripped(),
            new(EventKinds.StockLow, "", new Dictionary<string, string> { ["sku"] = "TEA-250G", ["warehouseId"] = "WH-SZ-02", ["available"] = "12", ["shortfall"] = "88", ["leadTimeDays"] = "3" }, null),
            new(EventKinds.OrderUrgent, "", new Dictionary<string, string> { ["orderId"] = "JD88123", ["tag"] = "当日达", ["note"] = "生日礼物" }, null),
            new(EventKinds.EscalationRaised, "", new Dictionary<string, string> { ["escalationId"] = "ESC-301", ["kind"] = "投诉", ["level"] = "2", ["subject"] = "破损未处理", ["assignee"] = "王芳" }, null),
        ];

        Assert.All(typical, n => Assert.True(NotificationTemplates.RenderSms(n, "好物小店").Length <= 70, NotificationTemplates.RenderSms(n, "好物小店")));
    }

    [Fact]
    public void MultiLineAndOverlongValuesStayOnOneMarkdownLine()
    {
        var urgent = new Notification(EventKinds.OrderUrgent, "", new Dictionary<string, string>
        {
            ["orderId"] = "A1",
            ["tag"] = "加急",
            ["note"] = "第一行\r\n第二行\n" + new string('长', 500),
        }, null);

        RenderedMessage message = NotificationTemplates.Render(urgent);

        string noteLine = message.Markdown.Split('\n').Single(l => l.StartsWith("> 备注：", StringComparison.Ordinal));
        Assert.StartsWith("> 备注：第一行 第二行 长", noteLine);
        Assert.EndsWith("…", noteLine);
        Assert.Equal(4, message.Markdown.Split('\n').Length);
    }

    [Fact]
    public void AShippedOrderWithoutATrackingUrlShowsADashInsteadOfAnEmptyLink()
    {
        var shipped = Samples.Shipped() with { Fields = new Dictionary<string, string> { ["orderId"] = "A1" } };

        RenderedMessage message = NotificationTemplates.Render(shipped);

        Assert.DoesNotContain("](", message.Markdown);
        Assert.Contains("> 物流查询：—", message.Markdown);
    }

    [Fact]
    public void AnUnknownKindFallsBackToItsSubjectAndFields()
    {
        var odd = new Notification("refund.reviewed", "退款已审核", new Dictionary<string, string> { ["rmaId"] = "RMA-9", ["amount"] = "12.80" }, null);

        RenderedMessage message = NotificationTemplates.Render(odd);

        Assert.Equal("退款已审核", message.Title);
        Assert.Equal("退款已审核\namount：12.80\nrmaId：RMA-9", message.Text);
        Assert.Equal("### 退款已审核\n> amount：12.80\n> rmaId：RMA-9", message.Markdown);
        Assert.Equal("【店】退款已审核", NotificationTemplates.RenderSms(odd, "店"));
    }

    [Fact]
    public void NullFieldsAndAnEmptyKindDoNotThrow()
    {
        var broken = new Notification("", "", null!, null);

        RenderedMessage message = NotificationTemplates.Render(broken);

        Assert.Equal("通知", message.Title);
        Assert.Equal("【—】—", NotificationTemplates.RenderSms(broken, ""));
        Assert.Single(NotificationTemplates.SmsParameters(broken));
    }

    [Fact]
    public void KindsMatchWhateverTheirCase()
    {
        var shouted = Samples.Shipped() with { EventKind = "ORDER.SHIPPED" };

        Assert.Equal("订单已发货", NotificationTemplates.Render(shouted).Title);
    }
}
