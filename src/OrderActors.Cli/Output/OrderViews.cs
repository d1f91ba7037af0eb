using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>One order in full (lines, holds, timeline, why it went where), a page of orders, and the answer to a command.</summary>
public static class OrderViews
{
    public static void Show(IOutput output, Order order)
    {
        Summary(output, order);
        output.Heading("Lines 商品");
        output.Table(new TableView(
            ["SKU", "Platform SKU", "Title 商品名", "Qty 数量", "Price 单价", "Warehouses 分仓"],
            order.Lines.Select(l => (IReadOnlyList<Cell>)
            [
                l.Sku ?? new Cell("unmapped 未映射", Tone.Warning), l.PlatformSkuId, l.Variant is null ? l.Title : $"{l.Title} ({l.Variant})",
                Labels.Number(l.Quantity), Labels.Money(l.UnitPriceFen),
                string.Join(", ", l.Allocations.Select(a => $"{a.WarehouseId}×{Labels.Number(a.Quantity)}")),
            ]).ToList()));
        Holds(output, order);
        output.Heading("Timeline 时间线");
        output.Table(new TableView(
            ["Time 时间", "Stamp 节点", "Status", "Source 来源", "Note 备注"],
            order.Timeline.Select(t => (IReadOnlyList<Cell>)
                [Labels.Time(t.At), Labels.Stamp(t.Status), t.Status.ToString(), t.Source, t.Note ?? ""]).ToList()));
        if (order.AllocationExplanation is { Count: > 0 } explanation)
        {
            output.Heading("Allocation 分仓说明");
            output.Table(new TableView(["Layer 规则", "Explanation 说明"],
                explanation.Select(e => (IReadOnlyList<Cell>)[e.Layer, e.Text]).ToList()));
        }
    }

    /// <summary>What an order command changed: the order's new status and its holds.</summary>
    public static void Changed(IOutput output, Order order)
    {
        Summary(output, order);
        Holds(output, order);
    }

    public static void List(IOutput output, OrderPage page)
    {
        if (PageLines.Empty(output, page.Items.Count, page.Page, page.Total, "No orders match.", "orders"))
        {
            return;
        }
        output.Table(new TableView(
            ["Order", "Channel 渠道", "Status 状态", "Customer 客户状态", "Amount 金额", "Warehouses 仓库", "Holds 挂起原因", "Created 下单时间"],
            page.Items.Select(o => (IReadOnlyList<Cell>)
            [
                o.OrderId, o.Channel, Labels.Status(o.Status), o.CustomerStatus, Labels.Money(o.AmountFen),
                string.Join(",", o.WarehouseIds), new Cell(string.Join(",", o.HoldCodes), Tone.Warning), Labels.Time(o.CreatedAt),
            ]).ToList()));
        PageLines.Footer(output, page.Page, page.PageSize, page.Total, "orders");
    }

    private static void Summary(IOutput output, Order order)
    {
        List<Field> fields =
        [
            new("Order 订单", order.OrderId),
            new("Channel 渠道", $"{order.Channel} {order.ExternalOrderId}"),
            new("Status 状态", Labels.Status(order.Status)),
            new("Customer 客户状态", order.CustomerStatus),
            new("Amount 实付", order.ShippingFeeFen == 0
                ? Labels.Money(order.AmountFen)
                : $"{Labels.Money(order.AmountFen)} (shipping 运费 {Labels.Money(order.ShippingFeeFen)})"),
            new("Receiver 收件人", order.Receiver.Encrypted
                ? new Cell("encrypted 待解密 (post the decrypt result: order receiver)", Tone.Warning)
                : $"{order.Receiver.Name} {Labels.Phone(order.Receiver.Phone)}"),
            new("Address 地址", $"{order.ShippingAddress.Province} {order.ShippingAddress.City} {order.ShippingAddress.District} {order.ShippingAddress.Detail}"),
        ];
        if (order.BuyerNote is { Length: > 0 } note)
        {
            fields.Add(new("Buyer note 买家留言", note));
        }
        if (order.TrackingNo is not null)
        {
            fields.Add(new("Shipment 物流", $"{order.Carrier} {order.TrackingNo}"));
        }
        if (order.Reroutes > 0)
        {
            fields.Add(new("Reroutes 改派", Labels.Number(order.Reroutes)));
        }
        fields.Add(new("Created 下单", Labels.Time(order.CreatedAt)));
        fields.Add(new("Updated 更新", Labels.Time(order.UpdatedAt)));
        output.Fields(fields);
    }

    private static void Holds(IOutput output, Order order)
    {
        if (order.Holds.Count == 0)
        {
            return;
        }
        output.Heading("Holds 挂起原因");
        output.Table(new TableView(
            ["Code 代码", "Message 说明", "Blocking 阻塞", "Since 时间"],
            order.Holds.Select(h => (IReadOnlyList<Cell>)
                [new Cell(h.Code, h.Blocking ? Tone.Warning : Tone.Normal), h.Message, Labels.YesNo(h.Blocking), Labels.Time(h.At)]).ToList()));
    }
}
