namespace OrderActors.Notifications;

/// <summary>The Chinese wording of every known event kind. SMS bodies leave out the 【sign】, which
/// <see cref="NotificationTemplates.RenderSms"/> puts first, and stay near one 70-character segment.</summary>
internal static class TemplateCatalog
{
    public static readonly IReadOnlyDictionary<string, EventTemplate> ByKind = new Dictionary<string, EventTemplate>(StringComparer.OrdinalIgnoreCase)
    {
        [EventKinds.OrderShipped] = new(
            "订单已发货",
            ["orderId", "carrier", "trackingNo", "eta", "trackingUrl"],
            v => $"订单 {v["orderId"]} 已发货：{v["carrier"]}，运单号 {v["trackingNo"]}，预计 {v["eta"]} 送达。物流查询：{v["trackingUrl"]}",
            v =>
            [
                $"> 订单：{v["orderId"]}",
                $"> 快递：{v["carrier"]}",
                $"> 运单号：{v["trackingNo"]}",
                $"> 预计送达：{v["eta"]}",
                v.Has("trackingUrl") ? $"[查看物流]({v["trackingUrl"]})" : $"> 物流查询：{NotificationTemplates.Missing}",
            ],
            v => $"您的订单{v["orderId"]}已由{v["carrier"]}发出，运单号{v["trackingNo"]}，预计{v["eta"]}送达，物流：{v["trackingUrl"]}"),

        [EventKinds.UnpaidReminder] = new(
            "订单待付款",
            ["orderId", "couponCode", "cancelAt"],
            v => $"订单 {v["orderId"]} 尚未付款，将于 {v["cancelAt"]} 自动取消。付款时可用优惠券 {v["couponCode"]}。",
            v =>
            [
                $"> 订单：{v["orderId"]}",
                $"> 优惠券：{v["couponCode"]}",
                $"> 自动取消：{v["cancelAt"]}",
            ],
            v => $"您的订单{v["orderId"]}还未付款，{v["cancelAt"]}前付款可用券码{v["couponCode"]}，逾期自动取消。"),

        [EventKinds.BreakerTripped] = new(
            "仓库熔断",
            ["warehouseId", "reason", "rerouted", "unroutable"],
            v => $"仓库 {v["warehouseId"]} 已熔断，原因：{v["reason"]}。已改派 {v["rerouted"]} 单，无法改派 {v["unroutable"]} 单。",
            v =>
            [
                $"> 仓库：{v["warehouseId"]}",
                $"> 原因：{v["reason"]}",
                $"> 已改派：{v["rerouted"]} 单",
                $"> 无法改派：**{v["unroutable"]}** 单",
            ],
            v => $"仓库{v["warehouseId"]}已熔断（{v["reason"]}），已改派{v["rerouted"]}单，无法改派{v["unroutable"]}单，请尽快处理。"),

        [EventKinds.StockLow] = new(
            "库存不足",
            ["sku", "warehouseId", "available", "shortfall", "leadTimeDays"],
            v => $"SKU {v["sku"]} 在仓库 {v["warehouseId"]} 库存不足：可用 {v["available"]}，缺口 {v["shortfall"]}，补货周期 {v["leadTimeDays"]} 天。",
            v =>
            [
                $"> SKU：{v["sku"]}",
                $"> 仓库：{v["warehouseId"]}",
                $"> 可用：{v["available"]}",
                $"> 缺口：**{v["shortfall"]}**",
                $"> 补货周期：{v["leadTimeDays"]} 天",
            ],
            v => $"SKU {v["sku"]}（仓库{v["warehouseId"]}）库存不足：可用{v["available"]}，缺口{v["shortfall"]}，补货需{v["leadTimeDays"]}天。"),

        [EventKinds.EscalationRaised] = new(
            "新升级工单",
            ["escalationId", "kind", "level", "subject", "assignee"],
            v => $"升级工单 {v["escalationId"]}（{v["kind"]}）：{v["subject"]}。级别 {v["level"]}，处理人 {v["assignee"]}。",
            v => EscalationLines(v),
            v => $"新升级工单{v["escalationId"]}（{v["kind"]}，级别{v["level"]}）：{v["subject"]}，处理人{v["assignee"]}。"),

        [EventKinds.EscalationLevelled] = new(
            "升级工单级别变更",
            ["escalationId", "kind", "level", "subject", "assignee"],
            v => $"升级工单 {v["escalationId"]}（{v["kind"]}）级别已调整为 {v["level"]}：{v["subject"]}，处理人 {v["assignee"]}。",
            v => EscalationLines(v),
            v => $"升级工单{v["escalationId"]}（{v["kind"]}）已调整为级别{v["level"]}：{v["subject"]}，处理人{v["assignee"]}。"),

        [EventKinds.OrderUrgent] = new(
            "加急订单",
            ["orderId", "tag", "note"],
            v => $"加急订单 {v["orderId"]}：{v["tag"]}。备注：{v["note"]}",
            v =>
            [
                $"> 订单：{v["orderId"]}",
                $"> 标签：**{v["tag"]}**",
                $"> 备注：{v["note"]}",
            ],
            v => $"加急订单{v["orderId"]}（{v["tag"]}），备注：{v["note"]}，请优先处理。"),
    };

    private static string[] EscalationLines(TemplateValues v) =>
    [
        $"> 工单：{v["escalationId"]}",
        $"> 类型：{v["kind"]}",
        $"> 事由：{v["subject"]}",
        $"> 级别：**{v["level"]}**",
        $"> 处理人：{v["assignee"]}",
    ];
}
