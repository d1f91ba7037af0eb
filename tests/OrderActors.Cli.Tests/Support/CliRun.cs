using System.Text.RegularExpressions;

namespace OrderActors.Cli.Tests.Support;

/// <summary>What one CLI invocation printed and returned.</summary>
public sealed partial record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the CLI in-process through its entry point, capturing both streams, with no environment variables.</summary>
    public static Task<CliRun> InProcessAsync(CliConsoleKind kind, params string[] args) => InProcessAsync(new CliProcess { Console = kind }, args);

    /// <summary>Runs the CLI in-process as <paramref name="process"/> describes its environment, input and keyboard.</summary>
    public static async Task<CliRun> InProcessAsync(CliProcess process, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, Terminal: process.Console == CliConsoleKind.Terminal)
        {
            Input = new StringReader(process.Stdin ?? ""),
            Prompt = process.Keyboard,
        };
        int exitCode = await Program.RunAsync(args, console, new CliEnvironment(process.Environment.GetValueOrDefault));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The value of a "Label: value" line of plain output.</summary>
    public string Field(string label) =>
        OutputLines.FirstOrDefault(l => l.StartsWith(label + ":", StringComparison.Ordinal)) is { } line
            ? line[(label.Length + 1)..].Trim()
            : throw new Xunit.Sdk.XunitException($"no '{label}:' line in:\n{Output}");

    /// <summary>The plain-output table row that starts with <paramref name="key"/>, split into its columns.</summary>
    public string[] Row(string key) =>
        OutputLines.FirstOrDefault(l => l.StartsWith(key + " ", StringComparison.Ordinal)) is { } line
            ? Columns().Split(line)
            : throw new Xunit.Sdk.XunitException($"no row '{key}' in:\n{Output}");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";

    /// <summary>Plain tables separate columns by two or more spaces.</summary>
    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();
}

/// <summary>What an in-process run sees of its process: its console, environment variables, standard input and keyboard.</summary>
public sealed record CliProcess
{
    public CliConsoleKind Console { get; init; } = CliConsoleKind.Redirected;

    /// <summary>The only variables the run sees: none of the test process's own (a developer's token or config dir).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? Stdin { get; init; }

    /// <summary>The person at the keyboard; null when standard input is not a terminal.</summary>
    public IPrompt? Keyboard { get; init; }
}

/// <summary>Whether the in-process CLI believes it writes to a terminal or to a pipe.</summary>
public enum CliConsoleKind
{
    Redirected,
    Terminal,
}
