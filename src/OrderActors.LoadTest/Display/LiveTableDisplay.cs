using System.Globalization;
using Spectre.Console;

namespace OrderActors.LoadTest.Display;

/// <summary>A live Spectre.Console table, one row per phase, refreshed twice a second.</summary>
public sealed class LiveTableDisplay : IProgressDisplay
{
    private static readonly TimeSpan _refresh = TimeSpan.FromMilliseconds(500);

    public void Stage(string message) => AnsiConsole.MarkupLine($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {Markup.Escape(message)}");

    public async Task ShowAsync(Func<ProgressSnapshot> snapshot, Task running)
    {
        await AnsiConsole.Live(Render(snapshot())).AutoClear(false).StartAsync(async context =>
        {
            while (await Task.WhenAny(running, Task.Delay(_refresh)) != running)
            {
                context.UpdateTarget(Render(snapshot()));
            }
            context.UpdateTarget(Render(snapshot()));
        });
    }

    private static Table Render(ProgressSnapshot snapshot)
    {
        var table = new Table()
            .Title($"{Markup.Escape(snapshot.Target)}: {snapshot.ElapsedSeconds:F0} / {snapshot.TotalSeconds:F0} s")
            .Caption($"in flight {snapshot.InFlight}{(snapshot.Backlog is { } backlog ? $", backlog {backlog}" : "")}")
            .AddColumn("phase")
            .AddColumn(new TableColumn("target/s").RightAligned())
            .AddColumn(new TableColumn("achieved/s").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned())
            .AddColumn(new TableColumn("p99 ms").RightAligned())
            .AddColumn(new TableColumn("errors").RightAligned())
            .AddColumn(new TableColumn("429").RightAligned())
            .AddColumn(new TableColumn("dropped").RightAligned());
        foreach (PhaseRow row in snapshot.Phases)
        {
            string name = row.Current ? $"[bold yellow]{Markup.Escape(row.Name)}[/]" : Markup.Escape(row.Name);
            table.AddRow(
                name,
                Format(row.TargetRate),
                Format(row.AchievedRate),
                Format(row.P50Ms),
                Format(row.P99Ms),
                row.Errors == 0 ? "0" : $"[red]{row.Errors}[/]",
                row.RateLimited == 0 ? "0" : $"[yellow]{row.RateLimited}[/]",
                row.Dropped == 0 ? "0" : $"[red]{row.Dropped}[/]");
        }
        return table;
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
