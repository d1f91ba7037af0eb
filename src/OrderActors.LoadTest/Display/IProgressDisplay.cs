namespace OrderActors.LoadTest.Display;

/// <summary>Shows the run as it goes: stage messages, and the per-phase figures while traffic runs.</summary>
public interface IProgressDisplay
{
    /// <summary>A one-line message about what the run is doing now.</summary>
    void Stage(string message);

    /// <summary>Refreshes the figures from <paramref name="snapshot"/> until <paramref name="running"/> completes.</summary>
    Task ShowAsync(Func<ProgressSnapshot> snapshot, Task running);
}

/// <summary>Picks the display: a live table on a terminal, plain periodic lines when the output is a pipe or a file.</summary>
public static class ProgressDisplays
{
    public static IProgressDisplay ForConsole() =>
        !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive
            ? new LiveTableDisplay()
            : new PlainLineDisplay(Console.Out, TimeSpan.FromSeconds(5));
}
