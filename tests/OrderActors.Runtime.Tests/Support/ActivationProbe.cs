using System.Collections.Concurrent;

namespace OrderActors.Runtime.Tests.Support;

/// <summary>Records grain lifecycle events so tests can see activations and deactivations.</summary>
public sealed class ActivationProbe
{
    public ConcurrentQueue<string> Events { get; } = new();

    public int Count(string prefix) => Events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));

    public void Record(string what) => Events.Enqueue(what);
}
