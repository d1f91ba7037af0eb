using System.CommandLine;
using System.Text.Json;
using OrderActors.Cli.Access;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary>What every command group is built with: the global options and the console of this invocation.</summary>
public sealed record CommandScope(GlobalOptions Globals, CliConsole Console);

/// <summary>Runs a command against the hub and turns every way it can fail into a message and an exit code.</summary>
public static class HubAction
{
    /// <summary>The command's action, and the global <c>--tenant</c> unless the command has a <c>--tenant</c> of its own.</summary>
    /// <param name="change">For commands that change state: sends their idempotency key.</param>
    public static void SetHubAction(
        this Command command, CommandScope scope, Func<CommandContext, CancellationToken, Task<int>> run, ChangeOptions? change = null)
    {
        if (!command.Options.Any(option => option.Name == scope.Globals.Tenant.Name))
        {
            command.Options.Add(scope.Globals.Tenant);
        }
        command.SetAction((parse, cancellationToken) => RunAsync(parse, scope, scope.Globals.Credential(parse), change, run, cancellationToken));
    }

    /// <summary>As <see cref="SetHubAction"/> for signing in: no credential is sent, so a 401 means a wrong user or password.</summary>
    public static void SetSignInAction(this Command command, CommandScope scope, Func<CommandContext, CancellationToken, Task<int>> run) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, scope, Credential.SignIn, null, run, cancellationToken));

    private static async Task<int> RunAsync(
        ParseResult parse, CommandScope scope, Credential credential, ChangeOptions? change, Func<CommandContext, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
    {
        CliConsole console = scope.Console;
        bool json = parse.GetValue(scope.Globals.Json);
        using var hub = new HubClient(scope.Globals.Settings(parse, credential, change));
        try
        {
            return await run(new CommandContext(parse, hub, credential, scope.Globals.Store, console, json), cancellationToken);
        }
        catch (HubProblemException failure)
        {
            ProblemWriter.Write(console.Error, failure, json, credential);
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
        catch (CredentialStoreException store)
        {
            ProblemWriter.Write(console.Error, $"{store.Message}; set XDG_CONFIG_HOME to a directory you can write, or use --token / {Credential.TokenVariable}.");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ProblemWriter.Write(console.Error, "interrupted; a change already sent may still complete on the server.");
            return ExitCodes.Interrupted;
        }
    }
}
