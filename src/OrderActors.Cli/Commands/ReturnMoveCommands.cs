using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary>
/// <c>return approve | reject | receive | refund | close</c>: one step of an RMA's lifecycle each. An illegal step is
/// the server's 409, printed with the RMA's current status (exit code 4).
/// </summary>
public static class ReturnMoveCommands
{
    public static IEnumerable<Command> Create(CommandScope scope)
    {
        yield return WithNote(scope, "approve", "Approve a requested return: the buyer may send the goods (a refund-only return may be refunded now).");
        yield return WithNote(scope, "reject", "Reject a requested return; close it afterwards.");
        yield return Receive(scope);
        yield return Plain(scope, "refund", "Refund an approved refund-only return or a received return; the refund is the quote on what came back.");
        yield return Plain(scope, "close", "Close a refunded, rejected or received exchange return.");
    }

    private static Command WithNote(CommandScope scope, string move, string description)
    {
        Argument<string> id = ReturnCommands.RmaId();
        var note = new Option<string?>("--note") { Description = "Why, recorded in the return's timeline.", HelpName = "TEXT" };
        var command = new Command(move, description) { id, note };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, (context, cancellationToken) =>
            MoveAsync(context, context.Value(id), move, new { note = context.Value(note) }, cancellationToken), change);
        return command;
    }

    private static Command Receive(CommandScope scope)
    {
        Argument<string> id = ReturnCommands.RmaId();
        Option<IReadOnlyList<ReceivedUnits>> lines = ReturnLineOptions.Received();
        var warehouse = new Option<string?>("--warehouse") { Description = "The warehouse that received the goods (default: where each line shipped from).", HelpName = "ID" };
        var note = new Option<string?>("--note") { Description = "What was found in the parcel, recorded in the return's timeline.", HelpName = "TEXT" };
        var command = new Command("receive", "Record the goods that came back: good units go back on hand, damaged ones are kept apart; the refund is quoted again.")
        {
            id, lines, warehouse, note,
        };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, (context, cancellationToken) =>
        {
            var body = new
            {
                lines = context.Value(lines)!.Select(l => new { sku = l.Sku, receivedQuantity = l.Good, damagedQuantity = l.Damaged }).ToArray(),
                warehouseId = context.Value(warehouse),
                note = context.Value(note),
            };
            return MoveAsync(context, context.Value(id), "receive", body, cancellationToken);
        }, change);
        return command;
    }

    private static Command Plain(CommandScope scope, string move, string description)
    {
        Argument<string> id = ReturnCommands.RmaId();
        var command = new Command(move, description) { id };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, (context, cancellationToken) => MoveAsync(context, context.Value(id), move, null, cancellationToken), change);
        return command;
    }

    private static async Task<int> MoveAsync(CommandContext context, string rmaId, string move, object? body, CancellationToken cancellationToken)
    {
        HubResponse response = await context.Hub.PostAsync($"{ReturnCommands.Path(rmaId)}/{move}", body, cancellationToken);
        return context.Show<Rma>(response, ReturnViews.Show);
    }
}
