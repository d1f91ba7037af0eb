using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>inventory set | show</c>: stock counts per warehouse and SKU.</summary>
public static class InventoryCommands
{
    public static Command Create(CommandScope scope)
    {
        var group = new Command("inventory", "Stock per warehouse and SKU (库存).");
        group.Subcommands.Add(Set(scope));
        group.Subcommands.Add(Show(scope));
        return group;
    }

    private static Command Set(CommandScope scope)
    {
        var warehouse = new Argument<string>("WAREHOUSE") { Description = "The warehouse id, e.g. WH-HZ." };
        Argument<string> sku = Sku();
        var onHand = new Option<int>("--on-hand") { Description = "Units physically in the warehouse (在库).", HelpName = "N", Required = true };
        var safetyStock = new Option<int>("--safety-stock")
        {
            Description = "Units never sold from this warehouse (安全库存). Default: keep the current value (0 for new stock).",
            HelpName = "N",
        };
        var command = new Command("set", "Set a SKU's on-hand count (and safety stock) at a warehouse.") { warehouse, sku, onHand, safetyStock };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.PutAsync(
                $"/api/v1/inventory/{HubClient.Segment(context.Value(warehouse))}/{HubClient.Segment(context.Value(sku))}",
                new { onHand = context.Value(onHand), safetyStock = context.Given(safetyStock) }, cancellationToken);
            return context.Show<InventoryLevel>(response, StockViews.Level);
        }, change);
        return command;
    }

    private static Command Show(CommandScope scope)
    {
        Argument<string> sku = Sku();
        var command = new Command("show", "A SKU's stock at every warehouse: on hand, reserved, safety stock, available.") { sku };
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<SkuInventory>(await context.Hub.GetAsync(Path(context.Value(sku)), cancellationToken), StockViews.Sku));
        return command;
    }

    private static Argument<string> Sku() => new("SKU") { Description = "The master SKU, e.g. TEA-LONGJING." };

    private static string Path(string sku) => $"/api/v1/inventory/{HubClient.Segment(sku)}";
}
