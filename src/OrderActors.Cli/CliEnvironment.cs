namespace OrderActors.Cli;

/// <summary>
/// The environment variables the CLI reads (server, token, where credentials live). Tests pass their own, so runs in
/// parallel in one process share none.
/// </summary>
public sealed class CliEnvironment(Func<string, string?> variable)
{
    public static CliEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>The variable's value; null when it is unset or empty, as shells treat <c>VAR=</c>.</summary>
    public string? this[string name] => variable(name) is { Length: > 0 } value ? value : null;
}
