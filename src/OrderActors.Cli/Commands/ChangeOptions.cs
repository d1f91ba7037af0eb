using System.CommandLine;

namespace OrderActors.Cli.Commands;

/// <summary>
/// The option of a command that changes state: its idempotency key. Who acts is not an option: the server takes it
/// from the credential.
/// </summary>
public sealed class ChangeOptions
{
    private readonly Option<string?> _idempotencyKey = new("--idempotency-key")
    {
        Description = "Idempotency-Key header (default: a fresh GUID). Re-run with the same key to retry without acting twice.",
        HelpName = "KEY",
    };

    public ChangeOptions(Command command) => command.Options.Add(_idempotencyKey);

    public string IdempotencyKey(ParseResult parse) => parse.GetValue(_idempotencyKey) is { Length: > 0 } key ? key : Guid.NewGuid().ToString();
}
