using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OrderActors.Persistence.Journal;

/// <summary>A grain's journaled state bound to one journal; replayed at the grain's SetupState lifecycle stage.</summary>
internal sealed partial class JournaledState<TState, TEvent> : IJournaledState<TState, TEvent>, ILifecycleObserver
    where TState : class, IJournalState<TState, TEvent>, new()
{
    private readonly JournalId _journal;
    private readonly IGrainJournalStorage _storage;
    private readonly int _snapshotInterval;
    private readonly ILogger _logger;
    private long _snapshotVersion;

    public JournaledState(IGrainContext context, string stateName, IGrainJournalStorage storage, int snapshotInterval, ILogger logger)
    {
        _journal = new JournalId(context.GrainId.Type.ToString()!, context.GrainId.Key.ToString()!, stateName);
        _storage = storage;
        _snapshotInterval = snapshotInterval;
        _logger = logger;
        context.ObservableLifecycle.Subscribe($"{nameof(JournaledState<,>)}:{stateName}", GrainLifecycleStage.SetupState, this);
    }

    public TState State { get; private set; } = new();

    public long Version { get; private set; }

    public Task OnStart(CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested ? Task.CompletedTask : ReplayAsync();

    public Task OnStop(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task AppendAsync(params TEvent[] events)
    {
        if (events.Length == 0)
        {
            return;
        }
        string[] json = events.Select(e => JsonSerializer.Serialize(e, HubJson.Options)).ToArray();
        TState next = State;
        foreach (TEvent e in events)
        {
            next = next.Apply(e);
        }
        await _storage.AppendAsync(_journal, Version, json);
        State = next;
        Version += events.Length;
        if (Version - _snapshotVersion >= _snapshotInterval)
        {
            await SnapshotAsync();
        }
    }

    private async Task ReplayAsync()
    {
        JournalRead read = await _storage.ReadAsync(_journal);
        TState state = read.SnapshotJson is null ? new TState() : JsonSerializer.Deserialize<TState>(read.SnapshotJson, HubJson.Options) ?? new TState();
        foreach (string eventJson in read.EventsJson)
        {
            state = state.Apply(JsonSerializer.Deserialize<TEvent>(eventJson, HubJson.Options)!);
        }
        State = state;
        _snapshotVersion = read.SnapshotVersion;
        Version = read.SnapshotVersion + read.EventsJson.Count;
    }

    /// <summary>A failed snapshot loses nothing (the events are durable): it is logged and tried again after the next append.</summary>
    private async Task SnapshotAsync()
    {
        try
        {
            await _storage.WriteSnapshotAsync(_journal, Version, JsonSerializer.Serialize(State, HubJson.Options));
            _snapshotVersion = Version;
        }
        catch (Exception ex)
        {
            LogSnapshotFailed(ex, _journal, Version);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Snapshot of journal {Journal} at {Version} failed; will retry")]
    private partial void LogSnapshotFailed(Exception exception, JournalId journal, long version);
}
