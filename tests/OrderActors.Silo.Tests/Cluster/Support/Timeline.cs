using System.Diagnostics;
using Xunit.Abstractions;

namespace OrderActors.Silo.Tests.Cluster.Support;

/// <summary>Writes each phase of a test with the seconds since it began to the test's output.</summary>
public sealed class Timeline(ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Mark(string phase) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {phase}");
}
