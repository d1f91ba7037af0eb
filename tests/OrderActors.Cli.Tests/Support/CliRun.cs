using System.Text.RegularExpressions;

namespace OrderActors.Cli.Tests.Support;

/// <summary>What one CLI invocation printed and returned.</summary>
public sealed partial record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the CLI in-process through its entry point, capturing both streams.</summary>
    public static async Task<CliRun> InProcessAsync(CliConsoleKind kind, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = kind == CliConsoleKind.Terminal
            ? await Program.RunAsync(args, new CliConsole(output, error, Terminal: true))
            : await Program.RunAsync(args, output, error);
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

/// <summary>Whether the in-process CLI believes it writes to a terminal or to a pipe.</summary>
public enum CliConsoleKind
{
    Redirected,
    Terminal,
}
