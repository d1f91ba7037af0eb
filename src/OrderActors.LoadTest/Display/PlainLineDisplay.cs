using System.Globalization;

namespace OrderActors.LoadTest.Display;

/// <summary>Plain lines every few seconds, for CI logs and redirected output.</summary>
public sealed class PlainLineDisplay(TextWriter output, TimeSpan period) : IProgressDisplay
{
    public void Stage(string message) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    public async Task ShowAsync(Func<ProgressSnapshot> snapshot, Task running)
    {
        while (await Task.WhenAny(running, Task.Delay(period)) != running)
        {
            Write(snapshot());
        }
        Write(snapshot());
    }

    private void Write(ProgressSnapshot snapshot)
    {
        PhaseRow? row = snapshot.Phases.FirstOrDefault(phase => phase.Current) ?? snapshot.Phases[^1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{snapshot.Target}] {snapshot.ElapsedSeconds:F0}/{snapshot.TotalSeconds:F0} s {row.Name}: {row.AchievedRate:F1}/{row.TargetRate:F0} orders/s, p50 {row.P50Ms:F1} ms, p99 {row.P99Ms:F1} ms, errors {row.Errors}, 429 {row.RateLimited}, dropped {row.Dropped}, in flight {snapshot.InFlight}{(snapshot.Backlog is { } backlog ? $", backlog {backlog}" : "")}"));
    }
}
