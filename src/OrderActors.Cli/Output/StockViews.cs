using OrderActors.Abstractions.Stock;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>Stock levels and the invariant audit.</summary>
public static class StockViews
{
    public static void Level(IOutput output, InventoryLevel level) => Levels(output, [level]);

    public static void Sku(IOutput output, SkuInventory inventory)
    {
        if (inventory.Warehouses.Count == 0)
        {
            output.Line($"No stock of {inventory.Sku} in any warehouse.", Tone.Muted);
            return;
        }
        Levels(output, inventory.Warehouses);
        output.Line($"Total available 可售合计: {Labels.Number(inventory.TotalAvailable)}");
    }

    public static void Audit(IOutput output, AuditReport report)
    {
        output.Fields(
        [
            new("Audit 审计", report.Ok ? new Cell("ok 通过", Tone.Good) : new Cell("FAILED 未通过", Tone.Bad)),
            new("Stock buckets checked", Labels.Number(report.CheckedBuckets)),
            new("Orders checked", Labels.Number(report.CheckedOrders)),
            new("Oversold 超卖", new Cell(Labels.Number(report.Oversold), report.Oversold > 0 ? Tone.Bad : Tone.Normal)),
            new("Negative stock 负库存", new Cell(Labels.Number(report.NegativeStock), report.NegativeStock > 0 ? Tone.Bad : Tone.Normal)),
            new("At", Labels.Time(report.At)),
        ]);
        if (report.Violations.Count > 0)
        {
            output.Heading("Violations 违规");
            output.Table(new TableView(["Kind 类型", "Subject 对象", "Detail 详情"],
                report.Violations.Select(v => (IReadOnlyList<Cell>)[new Cell(v.Kind, Tone.Bad), v.Subject, v.Detail]).ToList()));
        }
    }

    private static void Levels(IOutput output, IReadOnlyList<InventoryLevel> levels) =>
        output.Table(new TableView(
            ["SKU", "Warehouse 仓库", "On hand 在库", "Reserved 已锁", "Safety 安全库存", "Available 可售", "Buckets 分桶"],
            levels.OrderBy(l => l.WarehouseId, StringComparer.Ordinal).Select(l => (IReadOnlyList<Cell>)
            [
                l.Sku, l.WarehouseId, Labels.Number(l.OnHand), Labels.Number(l.Reserved), Labels.Number(l.SafetyStock),
                new Cell(Labels.Number(l.Available), l.Available == 0 ? Tone.Warning : Tone.Normal), Labels.Number(l.Buckets),
            ]).ToList()));
}
