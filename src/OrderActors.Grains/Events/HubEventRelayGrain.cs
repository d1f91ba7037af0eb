using Microsoft.Extensions.Logging;
using Npgsql;
using OrderActors.Abstractions.Events;
using OrderActors.Domain.Events;
using OrderActors.Persistence;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;

namespace OrderActors.Grains.Events;

/// <summary>
/// Relays the <c>hub_events</c> outbox to stream ("hub-events", tenant). Every quarter second it reads the rows
/// after its tracker's floor and publishes each new one once, a batch per tenant; it writes the floor at most once a
/// second, so after a crash it republishes from the last written floor (at least once; consumers drop repeats by
/// seq). A reminder activates it again after its silo died. Without PostgreSQL there is no outbox: it stays idle.
/// </summary>
[GrainType("hubeventrelay")]
public sealed partial class HubEventRelayGrain(
    [PersistentState("relay")] IPersistentState<HubEventRelayState> state,
    ILogger<HubEventRelayGrain> logger,
    NpgsqlDataSource? dataSource = null) : Grain, IHubEventRelayGrain, IRemindable
{
    private const int BatchSize = 1000;
    private const int MaxBatchesPerTick = 10;
    private const string ReminderName = "relay";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Longer than the pump's: a gap given up on here is an event no consumer ever gets.</summary>
    private static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(30);

    private SequenceTracker _tracker = new(GapPatience);
    private DateTime _checkpointedAt;
    private long _startedFrom;
    private long _published;
    private bool _reminderRegistered;
    private bool _stateLost;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (dataSource is not null)
        {
            Restart();
            this.RegisterGrainTimer(RelayAsync, new GrainTimerCreationOptions(PollInterval, PollInterval) { KeepAlive = true });
            LogStarted(_startedFrom);
        }
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        dataSource is null || _stateLost ? Task.CompletedTask : CheckpointAsync(force: true);

    public async Task EnsureRunningAsync()
    {
        if (dataSource is not null && !_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            _reminderRegistered = true;
        }
    }

    public Task<RelayStatus> GetStatusAsync() => Task.FromResult(new RelayStatus(
        dataSource is not null, GrainContext.Address.SiloAddress?.ToString() ?? "", _tracker.Floor, state.State.Floor, _startedFrom, _published));

    /// <summary>Nothing to do: the reminder is there to activate the relay, and activating starts it.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task RelayAsync(CancellationToken cancellationToken)
    {
        try
        {
            long cursor = _tracker.Floor;
            long watermark = _tracker.Floor;
            for (int batch = 0; batch < MaxBatchesPerTick; batch++)
            {
                IReadOnlyList<HubEventMessage> rows = await ReadAsync(cursor, watermark, cancellationToken);
                await PublishAsync(rows.Where(r => _tracker.TryDeliver(r.Seq)).ToList());
                cursor = rows.Count > 0 ? rows[^1].Seq : cursor;
                if (rows.Count < BatchSize)
                {
                    break;
                }
            }
            _tracker.Advance(DateTime.UtcNow);
            await CheckpointAsync(force: false);
        }
        catch (InconsistentStateException ex)
        {
            _stateLost = true;
            LogConflict(ex);
            DeactivateOnIdle();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, state.State.Floor);
            Restart();
        }
    }

    /// <summary>Forgets what was delivered past the written floor (a failed tick may have marked rows it never published).</summary>
    private void Restart()
    {
        _tracker = new SequenceTracker(GapPatience);
        _tracker.Start(state.State.Floor);
        _startedFrom = state.State.Floor;
    }

    private async Task<IReadOnlyList<HubEventMessage>> ReadAsync(long after, long watermark, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource!.CreateCommand(
            "SELECT seq, tenant, kind, subject, data::text, at FROM hub_events WHERE seq > $1 ORDER BY seq LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<HubEventMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new HubEventMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), watermark));
        }
        return rows;
    }

    private async Task PublishAsync(IReadOnlyList<HubEventMessage> events)
    {
        IStreamProvider streams = this.GetStreamProvider(HubPersistence.StreamProvider);
        await Task.WhenAll(events.GroupBy(e => e.Tenant).Select(tenant => streams
            .GetStream<HubEventMessage>(StreamId.Create(HubStreams.Namespace, HubStreams.KeyOf(tenant.Key)))
            .OnNextBatchAsync(tenant.ToList())));
        _published += events.Count;
    }

    private async Task CheckpointAsync(bool force)
    {
        if (_tracker.Floor == state.State.Floor || (!force && DateTime.UtcNow - _checkpointedAt < CheckpointInterval))
        {
            return;
        }
        HubEventRelayState written = state.State;
        state.State = written with { Floor = _tracker.Floor };
        try
        {
            await state.WriteStateAsync();
            _checkpointedAt = DateTime.UtcNow;
        }
        catch
        {
            state.State = written;
            throw;
        }
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Hub event relay started from sequence {Floor}")]
    private partial void LogStarted(long floor);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Hub event relay failed; republishing from sequence {Floor}")]
    private partial void LogFailed(Exception exception, long floor);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Hub event relay lost its state to another activation; deactivating")]
    private partial void LogConflict(Exception exception);
}
