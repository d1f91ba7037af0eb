using System.CommandLine;
using System.Globalization;
using OrderActors.Cli.Access;
using OrderActors.Cli.Http;
using OrderActors.Cli.Output;

namespace OrderActors.Cli.Commands;

/// <summary>What a command's action works with: its parsed line, the hub and the credential it sends, and where to print.</summary>
public sealed class CommandContext(ParseResult parse, HubClient hub, Credential credential, CredentialStore store, CliConsole console, bool json)
{
    private IOutput? _output;

    public ParseResult Parse { get; } = parse;

    public HubClient Hub { get; } = hub;

    public Credential Credential { get; } = credential;

    /// <summary>Where orderactors login keeps its sign-in.</summary>
    public CredentialStore Store { get; } = store;

    public CliConsole Console { get; } = console;

    /// <summary>True with --json: print bodies as received.</summary>
    public bool Json { get; } = json;

    public IOutput Output => _output ??= Console.CreateOutput();

    public T Value<T>(Argument<T> argument) => Parse.GetRequiredValue(argument);

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>The option's value when it was on the command line, null when it was left out.</summary>
    public int? Given(Option<int> option) => Parse.GetResult(option) is null ? null : Parse.GetValue(option);

    /// <summary>The option's value as a query parameter, null when it was left out.</summary>
    public string? QueryValue(Option<int> option) => Given(option)?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A time as a query parameter in ISO 8601 with its offset, null when it was left out.</summary>
    public string? QueryValue(Option<DateTimeOffset?> option) => Value(option)?.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A command line that parsed but cannot be run as it stands: says why, exit code 2.</summary>
    public int Usage(string message)
    {
        ProblemWriter.Write(Console.Error, message);
        return ExitCodes.Usage;
    }

    /// <summary>The body verbatim with --json, otherwise <paramref name="render"/> of it read as <typeparamref name="T"/>.</summary>
    public int Show<T>(HubResponse response, Action<IOutput, T> render)
    {
        if (Json)
        {
            Console.Output.WriteLine(response.Body);
        }
        else
        {
            render(Output, response.Read<T>());
        }
        return ExitCodes.Ok;
    }

    /// <summary>As <see cref="Show{T}(HubResponse, Action{IOutput, T})"/>, for a body the command has read already to decide its exit code.</summary>
    public void Show<T>(HubResponse response, T body, Action<IOutput, T> render)
    {
        if (Json)
        {
            Console.Output.WriteLine(response.Body);
        }
        else
        {
            render(Output, body);
        }
    }
}
