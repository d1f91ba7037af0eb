using System.CommandLine;
using System.Text.Json;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary>What every command group is built with: the global options and the console of this invocation.</summary>
public sealed record CommandScope(GlobalOptions Globals, CliConsole Console);

/// <summary>Runs a command against the hub and turns every way it can fail into a message and an exit code.</summary>
public static class HubAction
{
    /// <param name="change">For commands that change state: sends their operator and idempotency key.</param>
    public static void SetHubAction(
        this Command command, CommandScope scope, Func<CommandContext, CancellationToken, Task<int>> run, ChangeOptions? change = null) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, scope, change, run, cancellationToken));

    private static async Task<int> RunAsync(
        ParseResult parse, CommandScope scope, ChangeOptions? change, Func<CommandContext, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
    {
        CliConsole console = scope.Console;
        bool json = parse.GetValue(scope.Globals.Json);
        using var hub = new HubClient(scope.Globals.Settings(parse, change));
        try
        {
            return await run(new CommandContext(parse, hub, console, json), cancellationToken);
        }
        catch (HubProblemException failure)
        {
            ProblemWriter.Write(console.Error, failure, json);
            return ExitCodes.ForStatus(failure.Status);
        }
        catch (HubUnreachableException unreachable)
        {
            ProblemWriter.Write(console.Error, unreachable.Message);
            return ExitCodes.Unavailable;
        }
        catch (JsonException unreadable)
        {
            ProblemWriter.Write(console.Error,
                $"the server at {hub.Server} answered something this CLI cannot read ({unreadable.Message}). Is --server an OrderActors silo of the same version?");
            return ExitCodes.Unavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ProblemWriter.Write(console.Error, "interrupted; a change already sent may still complete on the server.");
            return ExitCodes.Interrupted;
        }
    }
}
