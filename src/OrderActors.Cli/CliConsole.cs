using OrderActors.Cli.Output;

namespace OrderActors.Cli;

/// <summary>Where the CLI writes: results to <see cref="Output"/>, problems to <see cref="Error"/>; rich tables only on a terminal.</summary>
public sealed record CliConsole(TextWriter Output, TextWriter Error, bool Terminal)
{
    /// <summary>The process's own console; plain text when standard output is redirected to a pipe or file.</summary>
    public static CliConsole System() => new(Console.Out, Console.Error, Terminal: !Console.IsOutputRedirected);

    public IOutput CreateOutput() => Terminal ? TerminalOutput.On(Output) : new PlainOutput(Output);
}
