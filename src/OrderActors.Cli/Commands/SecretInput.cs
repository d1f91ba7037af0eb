using System.CommandLine;

namespace OrderActors.Cli.Commands;

/// <summary>
/// A channel's secret: from standard input (<c>--secret-stdin</c>, for scripts), from <c>--secret</c>, or asked without
/// echo at the keyboard. <c>--secret</c> is there for one-off use; it lands in the shell's history and the process list,
/// so scripts pipe the secret in instead.
/// </summary>
public sealed class SecretInput
{
    private readonly Option<bool> _stdin = new("--secret-stdin")
    {
        Description = "Read the secret from standard input (the first line). Preferred over --secret.",
    };

    private readonly Option<string?> _value = new("--secret")
    {
        Description = "The secret itself (the signing secret, or SMS AccessKey secret). Visible in the shell's history: prefer --secret-stdin.",
        HelpName = "SECRET",
    };

    public SecretInput(Command command)
    {
        command.Options.Add(_stdin);
        command.Options.Add(_value);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_stdin) && result.GetResult(_value) is not null)
            {
                result.AddError("--secret and --secret-stdin cannot be used together.");
            }
            else if (result.GetResult(_value) is not null && result.GetValue(_value) is not { Length: > 0 })
            {
                result.AddError("--secret is empty; leave it out to send no secret.");
            }
        });
    }

    /// <summary>
    /// The secret to send: from standard input or the option, else what the person at the keyboard typed (null when
    /// they typed nothing or nobody is at the keyboard). <paramref name="missing"/> says why standard input gave none.
    /// </summary>
    public async Task<(string? Secret, string? Missing)> ReadAsync(CommandContext context, string channel, CancellationToken cancellationToken)
    {
        if (context.Parse.GetValue(_stdin))
        {
            string? line = await PasswordInput.ReadStdinAsync(context.Console, cancellationToken);
            return line is null ? (null, "--secret-stdin: standard input held no secret.") : (line, null);
        }
        if (context.Parse.GetValue(_value) is { Length: > 0 } given)
        {
            return (given, null);
        }
        string? typed = context.Console.Prompt?.AskSecret($"Secret for {channel} (Enter: none, or keep the current one) 密钥:", allowEmpty: true);
        return (typed is { Length: > 0 } ? typed : null, null);
    }
}
