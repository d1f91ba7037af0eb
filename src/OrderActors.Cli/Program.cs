using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using OrderActors.Cli.Output;

namespace OrderActors.Cli;

/// <summary>The entry point, and the in-process runner the tests use to capture output and exit codes.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, CliConsole.System(), CliEnvironment.Process);

    public static async Task<int> RunAsync(string[] args, CliConsole console, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ParseResult parse = CliApp.Create(console, environment).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (ParseError error in parse.Errors)
            {
                ProblemWriter.Write(console.Error, error.Message);
            }
            ProblemWriter.Write(console.Error, $"see '{Usage(parse)} --help'.");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception bug)
        {
            // Failures of the server and the network are handled by each command; whatever reaches here is ours.
            ProblemWriter.Write(console.Error, $"internal error: {bug.GetType().Name}: {bug.Message}");
            return ExitCodes.Internal;
        }
    }

    /// <summary>"orderactors warehouse trip": the command the user was typing, for the help hint.</summary>
    private static string Usage(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                names.Insert(0, command.Command is RootCommand ? "orderactors" : command.Command.Name);
            }
        }
        return string.Join(' ', names);
    }
}
