using System.CommandLine;
using OrderActors.Abstractions.Stock;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>audit</c>: the stock invariant audit; exit code 1 when it finds violations.</summary>
public static class AuditCommand
{
    public static Command Create(CommandScope scope)
    {
        var command = new Command("audit", "Check the stock invariants (no oversell, no negative stock, reservations match orders); exit code 1 on any violation.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.GetAsync("/api/v1/audit", cancellationToken);
            AuditReport report = response.Read<AuditReport>();
            context.Show(response, report, StockViews.Audit);
            return report.Ok ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }
}
