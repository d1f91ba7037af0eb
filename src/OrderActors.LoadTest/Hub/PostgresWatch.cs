using System.Collections.Concurrent;
using Npgsql;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Hub;

/// <summary>One reading of pg_stat_activity for the hub's database: the active backends by what they wait on ("running" when on the CPU).</summary>
public sealed record PostgresWaitSample(double AtSeconds, IReadOnlyDictionary<string, int> Active)
{
    public int Total => Active.Values.Sum();
}

/// <summary>One wait event over the run: the most backends seen waiting on it at once, when, and in how many readings any did.</summary>
public sealed record PostgresWaitPeak(string WaitEvent, int PeakBackends, double PeakAtSeconds, int Readings);

/// <summary>What PostgreSQL's backends of the hub's database were doing, read once a second during the traffic.</summary>
public sealed record PostgresWaits(int Readings, int PeakActive, IReadOnlyList<PostgresWaitPeak> Peaks, IReadOnlyList<PostgresWaitSample> Samples)
{
    public static PostgresWaits From(IReadOnlyList<PostgresWaitSample> samples) => new(
        samples.Count,
        samples.Select(sample => sample.Total).DefaultIfEmpty(0).Max(),
        samples.SelectMany(sample => sample.Active.Select(pair => (Event: pair.Key, Count: pair.Value, sample.AtSeconds)))
            .GroupBy(reading => reading.Event)
            .Select(group =>
            {
                (string Event, int Count, double AtSeconds) peak = group.MaxBy(reading => reading.Count);
                return new PostgresWaitPeak(group.Key, peak.Count, peak.AtSeconds, group.Count());
            })
            .OrderByDescending(peak => peak.PeakBackends)
            .ThenBy(peak => peak.WaitEvent, StringComparer.Ordinal)
            .ToList(),
        samples);
}

/// <summary>
/// Reads pg_stat_activity of the hub's database once a second from the start of the traffic until a few seconds
/// after its end: a side look at the server, not part of the facade, so that slow seconds can be pinned on what
/// PostgreSQL was waiting for (a lock, WAL, I/O). Readings that fail are skipped.
/// </summary>
public sealed class PostgresWatch(NpgsqlDataSource dataSource, OpenLoopDriver driver)
{
    private const string Query =
        """
        SELECT coalesce(wait_event_type || ':' || wait_event, 'running'), count(*)::int
        FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()
        GROUP BY 1
        """;

    private static readonly TimeSpan _period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _after = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<PostgresWaitSample> _samples = new();

    public PostgresWaits Result => PostgresWaits.From(_samples.OrderBy(sample => sample.AtSeconds).ToList());

    public TimedAction Action() => new("postgres-watch", TimeSpan.Zero, WatchAsync);

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_period);
        do
        {
            TimeSpan at = driver.Elapsed;
            try
            {
                _samples.Enqueue(new PostgresWaitSample(Math.Round(at.TotalSeconds, 2), await ReadAsync(cancellationToken)));
            }
            catch (NpgsqlException)
            {
            }
        }
        while (driver.Elapsed < driver.Schedule.Total + _after && await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task<IReadOnlyDictionary<string, int>> ReadAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(Query);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var active = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            active[reader.GetString(0)] = reader.GetInt32(1);
        }
        return active;
    }
}
