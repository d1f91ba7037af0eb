using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrderActors.Persistence.Tests.Support;

/// <summary>Records the SQL every Npgsql command in this process ran without error, per database, from Npgsql's tracing.</summary>
public static class SqlRecorder
{
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> Statements = new();
    private static readonly Lock Gate = new();
    private static ActivityListener? _listener;

    public static void Start()
    {
        lock (Gate)
        {
            if (_listener is not null)
            {
                return;
            }
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Record,
            };
            ActivitySource.AddActivityListener(_listener);
        }
    }

    /// <summary>The distinct command texts run against <paramref name="database"/>.</summary>
    public static IReadOnlyCollection<string> For(string database) =>
        Statements.TryGetValue(database, out ConcurrentDictionary<string, byte>? texts) ? texts.Keys.ToList() : [];

    private static void Record(Activity activity)
    {
        if (activity.Status != ActivityStatusCode.Error
            && activity.GetTagItem("db.namespace") is string database
            && activity.GetTagItem("db.query.text") is string text)
        {
            Statements.GetOrAdd(database, _ => new()).TryAdd(text, 0);
        }
    }
}
