using System.CommandLine;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary><c>return reason | reasons | classify</c>: the return-reason classifier, and a person's correction of what it chose.</summary>
public static class ReturnReasonCommands
{
    public static IEnumerable<Command> Create(CommandScope scope)
    {
        yield return Correct(scope);
        yield return Reasons(scope);
        yield return Classify(scope);
    }

    private static Command Correct(CommandScope scope)
    {
        Argument<string> id = ReturnCommands.RmaId();
        var code = new Argument<string>("REASON_CODE") { Description = "The right reason code, e.g. 包装破损 (return reasons lists them)." };
        var command = new Command("reason", "Correct the reason code the classifier gave a return (the correction is recorded as the operator's).") { id, code };
        var change = new ChangeOptions(command);
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.PostAsync(
                $"{ReturnCommands.Path(context.Value(id))}/reason", new { reasonCode = context.Value(code) }, cancellationToken);
            return context.Show<Rma>(response, ReturnViews.Show);
        }, change);
        return command;
    }

    private static Command Reasons(CommandScope scope)
    {
        var command = new Command("reasons", "Reason codes with their counts, the classifier's version, its held-out accuracy and confusion table.");
        command.SetHubAction(scope, async (context, cancellationToken) =>
            context.Show<ReturnReasons>(await context.Hub.GetAsync("/api/v1/return-reasons", cancellationToken), ReturnReasonViews.Reasons));
        return command;
    }

    private static Command Classify(CommandScope scope)
    {
        var text = new Argument<string>("TEXT") { Description = "What a buyer wrote, e.g. \"盒子压坏了\"." };
        var command = new Command("classify", "The reason code the classifier reads from a text, and how sure it is (nothing is stored).") { text };
        command.SetHubAction(scope, async (context, cancellationToken) =>
        {
            HubResponse response = await context.Hub.PostAsync("/api/v1/return-reasons/classify", new { text = context.Value(text) }, cancellationToken);
            return context.Show<ReasonClassification>(response, ReturnReasonViews.Classification);
        });
        return command;
    }
}
