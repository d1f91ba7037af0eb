using System.CommandLine;
using OrderActors.Cli.Commands;

namespace OrderActors.Cli;

/// <summary>The command tree of <c>orderactors</c>, built afresh for each invocation so runs share no state.</summary>
public static class CliApp
{
    public static RootCommand Create(CliConsole console, CliEnvironment environment)
    {
        var root = new RootCommand(
            "orderactors: operate an OrderActors order hub through its REST API (warehouses, orders, returns, stock, channel pulls, notifications, audit, health; sign-in, users, API keys).");
        var globals = new GlobalOptions(environment);
        globals.AddTo(root);
        var scope = new CommandScope(globals, console);
        root.Subcommands.Add(WarehouseCommands.Create(scope));
        root.Subcommands.Add(OrderCommands.Create(scope));
        root.Subcommands.Add(InventoryCommands.Create(scope));
        root.Subcommands.Add(ReturnCommands.Create(scope));
        root.Subcommands.Add(ChannelCommands.Create(scope));
        root.Subcommands.Add(NotificationCommands.Create(scope));
        root.Subcommands.Add(AuditCommand.Create(scope));
        root.Subcommands.Add(HealthCommand.Create(scope));
        foreach (Command command in SignInCommands.Create(scope))
        {
            root.Subcommands.Add(command);
        }
        root.Subcommands.Add(UserCommands.Create(scope));
        root.Subcommands.Add(ApiKeyCommands.Create(scope));
        root.Subcommands.Add(AuditLogCommand.Create(scope));
        return root;
    }
}
