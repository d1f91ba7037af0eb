using OrderActors.Abstractions.AfterSales;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>One return in full (lines, refund and its explanation, reason, timeline), and a page of returns.</summary>
public static class ReturnViews
{
    public static void Show(IOutput output, Rma rma)
    {
        Summary(output, rma);
        output.Heading("Lines 退货商品");
        output.Table(new TableView(
            ["SKU", "Title 商品名", "Qty 数量", "Received 已收", "Damaged 破损", "Warehouse 仓库"],
            rma.Lines.Select(l => (IReadOnlyList<Cell>)
            [
                l.Sku, l.Title ?? "", Labels.Number(l.Quantity), Labels.Number(l.ReceivedQuantity),
                new Cell(Labels.Number(l.DamagedQuantity), l.DamagedQuantity > 0 ? Tone.Warning : Tone.Normal), l.WarehouseId ?? "",
            ]).ToList()));
        if (rma.Refund is { } refund)
        {
            Refund(output, refund);
        }
        Reason(output, rma);
        output.Heading("Timeline 时间线");
        output.Table(new TableView(
            ["Time 时间", "Status 状态", "Source 来源", "Note 备注"],
            rma.Timeline.Select(t => (IReadOnlyList<Cell>)[Labels.Time(t.At), Labels.Status(t.Status), t.Source, t.Note ?? ""]).ToList()));
    }

    public static void List(IOutput output, RmaPage page)
    {
        if (PageLines.Empty(output, page.Items.Count, page.Page, page.Total, "No returns match.", "returns"))
        {
            return;
        }
        output.Table(new TableView(
            ["RMA 售后单", "Order 订单", "Kind 类型", "Status 状态", "Reason 原因", "Refund 退款", "Created 申请时间"],
            page.Items.Select(r => (IReadOnlyList<Cell>)
            [
                r.RmaId, r.OrderId, Labels.ReturnKind(r.Kind), Labels.Status(r.Status), r.ReasonCode ?? "", Labels.Money(r.TotalFen), Labels.Time(r.CreatedAt),
            ]).ToList()));
        PageLines.Footer(output, page.Page, page.PageSize, page.Total, "returns");
    }

    private static void Summary(IOutput output, Rma rma)
    {
        List<Field> fields =
        [
            new("RMA 售后单", rma.RmaId),
            new("Order 订单", $"{rma.OrderId} ({rma.Channel} {rma.ExternalOrderId})"),
            new("Kind 类型", Labels.ReturnKind(rma.Kind)),
            new("Status 状态", Labels.Status(rma.Status)),
            new("Refund 退款", Labels.Money(rma.Refund?.TotalFen ?? 0)),
        ];
        if (rma.NextStatuses is { } next)
        {
            fields.Add(new("Next 下一步", next.Count == 0 ? new Cell("none 无", Tone.Muted) : string.Join(", ", next.Select(Move))));
        }
        if (rma.ReplacementOrderId is { } replacement)
        {
            fields.Add(new("Replacement 换货订单", replacement));
        }
        if (rma.ReturnAddress is { } address)
        {
            // The text is what the buyer's QR code holds: it names the warehouse already.
            fields.Add(new("Return to 退货地址", address.Text));
        }
        fields.Add(new("Created 申请", Labels.Time(rma.CreatedAt)));
        fields.Add(new("Updated 更新", Labels.Time(rma.UpdatedAt)));
        if (rma.CreatedBy is { Length: > 0 } createdBy)
        {
            fields.Add(new("Created by 创建人", createdBy));
        }
        output.Fields(fields);
    }

    /// <summary>
    /// Every figure of the refund with its sign as it enters the total, the 运费险 apart (the merchant's income, never
    /// the buyer's), the money per line, and the server's sentence for each figure.
    /// </summary>
    private static void Refund(IOutput output, RmaRefund refund)
    {
        output.Heading("Refund 退款明细");
        output.Fields(
        [
            new("Goods 商品", Labels.Money(refund.GoodsFen)),
            new("Coupon return 优惠分摊", $"{Labels.Money(refund.CouponReturnFen)} (already off the goods 已从商品金额扣除)"),
            new("Gift deduction 赠品扣回", Deduction(refund.GiftDeductionFen)),
            new("Coupon claw-back 优惠追回", Deduction(refund.CouponClawbackFen)),
            new("Shipping 运费", Labels.Money(refund.ShippingFen)),
            new("Total 退款合计", new Cell(Labels.Money(refund.TotalFen), Tone.Good)),
            new("运费险 Shipping insurance", $"{Labels.Money(refund.InsuranceFen)} (booked as income 计入商家收入, not refunded)"),
        ]);
        if (refund.Lines.Count > 0)
        {
            output.Heading("Refund by line 分行退款");
            output.Table(new TableView(
                ["Line 行", "SKU", "Qty 数量", "Paid 实付", "Coupon share 优惠分摊", "Refund 退款"],
                refund.Lines.Select(l => (IReadOnlyList<Cell>)
                [
                    Labels.Number(l.LineNo), l.Sku, Labels.Number(l.Quantity), Labels.Money(l.PaidFen), Labels.Money(l.CouponShareFen), Labels.Money(l.RefundFen),
                ]).ToList()));
        }
        if (refund.Explanation.Count > 0)
        {
            output.Heading("How the refund was worked out 退款说明");
            foreach (string line in refund.Explanation)
            {
                output.Line($"- {line}");
            }
        }
    }

    private static void Reason(IOutput output, Rma rma)
    {
        output.Heading("Reason 退货原因");
        List<Field> fields = [new("Buyer said 买家描述", rma.ReasonText ?? "")];
        fields.Add(new("Code 原因", rma.ReasonCode is { } code ? code : new Cell("unclassified 未分类", Tone.Warning)));
        if (rma.ReasonConfidence is { } confidence)
        {
            fields.Add(new("Confidence 置信度", Labels.Percent(confidence)));
        }
        fields.Add(new("Source 来源", rma.ReasonSource switch
        {
            "model" => "model 模型",
            "operator" => "operator 人工",
            { } other => other,
            null => "",
        }));
        if (rma.ModelVersion is { Length: > 0 } version)
        {
            fields.Add(new("Model 模型版本", version));
        }
        output.Fields(fields);
    }

    /// <summary>The return command that moves an RMA to <paramref name="status"/>.</summary>
    private static string Move(RmaStatus status) => status switch
    {
        RmaStatus.Approved => "approve",
        RmaStatus.Rejected => "reject",
        RmaStatus.Received => "receive",
        RmaStatus.Refunded => "refund",
        RmaStatus.Closed => "close",
        _ => status.ToString(),
    };

        /// <summary>A figure taken off the refund: "-¥10.00", or "¥0.00" when nothing is.</summary>
    private static string Deduction(long fen) => Labels.Money(-fen);
}
