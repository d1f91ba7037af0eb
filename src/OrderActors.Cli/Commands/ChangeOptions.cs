using System.CommandLine;

namespace OrderActors.Cli.Commands;

/// <summary>The options of a command that changes state: who does it (X-Operator) and its idempotency key.</summary>
public sealed class ChangeOptions
{
    private readonly Option<string> _operator = new("--operator")
    {
        Description = "Who is acting, recorded in order timelines (X-Operator); defaults to the OS user name.",
        HelpName = "NAME",
        DefaultValueFactory = _ => Environment.UserName,
    };

    private readonly Option<string?> _idempotencyKey = new("--idempotency-key")
    {
        Description = "Idempotency-Key header (default: a fresh GUID). Re-run with the same key to retry without acting twice.",
        HelpName = "KEY",
    };

    public ChangeOptions(Command command)
    {
        command.Options.Add(_operator);
        command.Options.Add(_idempotencyKey);
    }

    public string Operator(ParseResult parse) => parse.GetValue(_operator) ?? Environment.UserName;

    public string IdempotencyKey(ParseResult parse) => parse.GetValue(_idempotencyKey) is { Length: > 0 } key ? key : Guid.NewGuid().ToString();
}
