using System.CommandLine;

namespace OrderActors.Cli.Commands;

/// <summary>
/// A password from standard input (<c>--password-stdin</c>, for scripts) or asked without echo at the keyboard; never
/// from the command line, where it would land in the shell's history and the process list.
/// </summary>
public sealed class PasswordInput
{
    private readonly Option<bool> _stdin = new("--password-stdin")
    {
        Description = "Read the password from standard input (the first line) instead of asking for it.",
    };

    public PasswordInput(Command command) => command.Options.Add(_stdin);

    public bool FromStdin(ParseResult parse) => parse.GetValue(_stdin);

    /// <summary>The first line of standard input with its line ending removed; null when standard input is empty.</summary>
    public static async Task<string?> ReadStdinAsync(CliConsole console, CancellationToken cancellationToken) =>
        await console.Input.ReadLineAsync(cancellationToken) is { Length: > 0 } line ? line : null;
}
