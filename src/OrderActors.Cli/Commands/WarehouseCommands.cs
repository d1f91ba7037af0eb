using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>warehouse list | show | trip | reset</c>: warehouses and their breakers (熔断器).</summary>
public static class WarehouseCommands
{
    public static Command Create(CommandScope scope)
    {
        var group = new Command("warehouse", "Warehouses and their breakers (熔断器).");
        group.Subcommands.Add(List(scope));
        group.Subcommands.Add(Show(scope));
        group.Subcommands.Add(Trip(scope));
        group.Subcommands.Add(Reset(scope));
        return group;
    }

    private static Command List(CommandScope scope)
    {
        var command = new Command("list", "Every warehouse of the tenant with its breaker, reserved share and reroutes.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<List<Warehouse>>(await context.Hub.GetAsync("/api/v1/warehouses", cancellationToken), WarehouseViews.List));
        return command;
    }

    private static Command Show(CommandScope scope)
    {
        Argument<string> id = WarehouseId();
        var command = new Command("show", "One warehouse: location, backups, breaker, last sensor reading.") { id };
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<Warehouse>(await context.Hub.GetAsync(Path(context.Value(id)), cancellationToken), WarehouseViews.Show));
        return command;
    }

    private static Command Trip(CommandScope scope)
    {
        Argument<string> id = WarehouseId();
        var reason = new Option<string>("--reason") { Description = "Why the warehouse stops taking orders (shown on the dashboard).", HelpName = "TEXT", Required = true };
        var command = new Command("trip", "Open the breaker: the warehouse takes no orders and its allocated orders are rerouted.") { id, reason };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string warehouseId = context.Value(id);
            HubResponse response = await context.Hub.PostAsync($"{Path(warehouseId)}/breaker/trip", new { reason = context.Value(reason) }, cancellationToken);
            return context.Show<TripOutcome>(response, (output, trip) => WarehouseViews.Tripped(output, warehouseId, trip));
        }, change);
        return command;
    }

    private static Command Reset(CommandScope scope)
    {
        Argument<string> id = WarehouseId();
        var command = new Command("reset", "Reset the breaker: the warehouse takes orders again.") { id };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            string warehouseId = context.Value(id);
            HubResponse response = await context.Hub.PostAsync($"{Path(warehouseId)}/breaker/reset", null, cancellationToken);
            return context.Show<ResetOutcome>(response, (output, reset) => WarehouseViews.Reset(output, warehouseId, reset));
        }, change);
        return command;
    }

    private static Argument<string> WarehouseId() => new("ID") { Description = "The warehouse id, e.g. WH-HZ." };

    private static string Path(string warehouseId) => $"/api/v1/warehouses/{HubClient.Segment(warehouseId)}";
}
