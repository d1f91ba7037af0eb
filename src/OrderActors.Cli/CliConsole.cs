using OrderActors.Cli.Output;

namespace OrderActors.Cli;

/// <summary>
/// Where the CLI reads and writes: results to <see cref="Output"/>, problems to <see cref="Error"/>, piped input from
/// <see cref="Input"/>; rich tables only on a terminal, questions only when a person is at the keyboard.
/// </summary>
public sealed record CliConsole(TextWriter Output, TextWriter Error, bool Terminal)
{
    /// <summary>Standard input, for <c>--password-stdin</c>.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Asks the person at the keyboard; null when standard input is not a terminal (a script, a pipe).</summary>
    public IPrompt? Prompt { get; init; }

    /// <summary>The process's own console; plain text when standard output is redirected to a pipe or file.</summary>
    public static CliConsole System() => new(Console.Out, Console.Error, Terminal: !Console.IsOutputRedirected)
    {
        Input = Console.In,
        Prompt = Console.IsInputRedirected ? null : new ConsolePrompt(),
    };

    public IOutput CreateOutput() => Terminal ? TerminalOutput.On(Output) : new PlainOutput(Output);
}
