using System.Collections.Concurrent;
using OrderActors.Runtime.Testing;

namespace OrderActors.Runtime.Tests.Support;

/// <summary>
/// Writers appending increasing entries to ledgers through several silos. A failed call is retried
/// with the same entry (appends are idempotent); only calls that returned count as acknowledged.
/// </summary>
public sealed class WriteStream(IReadOnlyList<string> keys, IReadOnlyList<TestSilo> through)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Entry, DateTime At)>> _acknowledged = new();

    public int AcknowledgedCount => _acknowledged.Values.Sum(q => q.Count);

    public async Task RunAsync(TimeSpan duration)
    {
        DateTime end = DateTime.UtcNow + duration;
        await Task.WhenAll(keys.Select((key, i) => WriteAsync(key, through[i % through.Count], end)));
    }

    /// <summary>Writes to the given grains acknowledged after <paramref name="since"/>.</summary>
    public int AcknowledgedSince(DateTime since, IEnumerable<string> grains) =>
        grains.Sum(g => _acknowledged.TryGetValue(g, out var q) ? q.Count(e => e.At > since) : 0);

    public async Task AssertEveryAcknowledgedWriteIsStoredAsync(IGrainFactory factory)
    {
        foreach ((string key, ConcurrentQueue<(int Entry, DateTime At)> acknowledged) in _acknowledged)
        {
            IReadOnlyList<int> stored = await factory.GetGrain<ILedgerGrain>(key).GetAsync();
            Assert.Equal(stored.Distinct().Count(), stored.Count);
            Assert.Equal(stored.Order(), stored);
            foreach ((int entry, _) in acknowledged)
            {
                Assert.Contains(entry, stored);
            }
        }
    }

    private async Task WriteAsync(string key, TestSilo silo, DateTime end)
    {
        ConcurrentQueue<(int, DateTime)> acknowledged = _acknowledged.GetOrAdd(key, _ => new());
        int entry = 1;
        while (DateTime.UtcNow < end)
        {
            try
            {
                await silo.GrainFactory.GetGrain<ILedgerGrain>(key).AppendAsync(entry);
                acknowledged.Enqueue((entry, DateTime.UtcNow));
                entry++;
            }
            catch (Exception ex) when (ex is SiloUnavailableException or GrainCallTimeoutException or InconsistentStateException)
            {
                await Task.Delay(50);
            }
        }
    }
}
