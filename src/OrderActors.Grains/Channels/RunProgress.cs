using OrderActors.Abstractions.Channels;
using OrderActors.Connectors.Pull;

namespace OrderActors.Grains.Channels;

/// <summary>The counters of the run in progress; only the pull grain's turns touch it, one at a time.</summary>
internal sealed class RunProgress(string runId, PullRunKind kind, PullWindow window, IReadOnlyList<PullWindow> slices, DateTimeOffset startedAt, string requestedBy)
{
    /// <summary>Error messages kept per run; later ones are only counted.</summary>
    public const int ErrorsKept = 20;

    private const int MessageLength = 300;

    private readonly List<PullError> _errors = [];

    public string RunId { get; } = runId;

    public PullRunKind Kind { get; } = kind;

    public IReadOnlyList<PullWindow> Slices { get; } = slices;

    public PullRunState State { get; private set; } = PullRunState.Running;

    public DateTimeOffset? FinishedAt { get; private set; }

    public int SlicesDone { get; set; }

    public int Pages { get; set; }

    public int Fetched { get; set; }

    public int New { get; set; }

    public int Duplicates { get; set; }

    public int Held { get; set; }

    /// <summary>Orders the hub had whose payment or cancellation only the pull brought (the status push was lost).</summary>
    public int Updated { get; set; }

    public int Rejected { get; set; }

    public int ErrorCount { get; private set; }

    public void Error(DateTimeOffset at, string message)
    {
        ErrorCount++;
        if (_errors.Count < ErrorsKept)
        {
            _errors.Add(new PullError(at, message.Length > MessageLength ? message[..MessageLength] + "…" : message));
        }
    }

    public void Finish(PullRunState state, DateTimeOffset at)
    {
        State = state;
        FinishedAt = at;
    }

    public PullRun Snapshot() => new(
        RunId, Kind, State, window.From, window.To, startedAt, FinishedAt, requestedBy, Slices.Count, SlicesDone, Pages, Fetched,
        New, Duplicates, Held, Rejected, ErrorCount, _errors.ToList(), Updated);
}
