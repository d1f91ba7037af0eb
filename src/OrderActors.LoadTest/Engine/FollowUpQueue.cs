using System.Collections.Concurrent;

namespace OrderActors.LoadTest.Engine;

/// <summary>
/// Later requests (payments, cancellations, re-posts) waiting for their due time. Completions on any thread add to
/// it; only the scheduler loop takes from it.
/// </summary>
public sealed class FollowUpQueue
{
    private readonly ConcurrentQueue<(TrafficRequest Request, TimeSpan Due)> _incoming = new();
    private readonly PriorityQueue<TrafficRequest, TimeSpan> _waiting = new();

    public void Add(TrafficRequest request, TimeSpan due) => _incoming.Enqueue((request, due));

    /// <summary>When the earliest waiting request is due; null when none waits. Loop thread only.</summary>
    public TimeSpan? NextDue
    {
        get
        {
            Absorb();
            return _waiting.TryPeek(out _, out TimeSpan due) ? due : null;
        }
    }

    /// <summary>Takes the requests due by <paramref name="now"/>, earliest first. Loop thread only.</summary>
    public IEnumerable<(TrafficRequest Request, TimeSpan Due)> TakeDue(TimeSpan now)
    {
        Absorb();
        while (_waiting.TryPeek(out TrafficRequest? request, out TimeSpan due) && due <= now)
        {
            _waiting.Dequeue();
            yield return (request, due);
        }
    }

    private void Absorb()
    {
        while (_incoming.TryDequeue(out (TrafficRequest Request, TimeSpan Due) item))
        {
            _waiting.Enqueue(item.Request, item.Due);
        }
    }
}
