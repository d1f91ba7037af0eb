using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Reminders;

/// <summary>
/// Fires the durable reminders of the grains this silo owns. Registrations are written to the
/// reminder table before they are acknowledged; on start (and when ownership changes) the silo
/// re-reads the table, and a tick missed while no silo was running fires at once.
/// </summary>
internal sealed class ReminderService(
    IReminderTable table,
    IGrainOwnership ownership,
    IOptions<SiloOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger)
{
    private readonly object _lock = new();
    private readonly Dictionary<(GrainId, string), ReminderRow> _entries = new();
    private readonly PriorityQueue<(ReminderRow Row, DateTimeOffset Due), DateTimeOffset> _schedule = new();
    private readonly SemaphoreSlim _wake = new(0);

    // Registrations and reloads take turns, so a reload cannot drop a registration made while it read the table.
    private readonly SemaphoreSlim _mutex = new(1, 1);
    private Func<GrainId, IRemindable>? _resolve;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public async Task RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period < options.Value.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder periods must be at least {options.Value.MinimumReminderPeriod}; use a grain timer for shorter ones.");
        }
        var row = new ReminderRow(grainId, name, time.GetUtcNow() + dueTime, period, null);
        await _mutex.WaitAsync();
        try
        {
            await table.UpsertAsync(row);
            Schedule(row, row.FirstDueAt);
        }
        finally
        {
            _mutex.Release();
        }
    }

    public async Task UnregisterAsync(GrainId grainId, string name)
    {
        await _mutex.WaitAsync();
        try
        {
            await table.DeleteAsync(grainId, name);
            lock (_lock)
            {
                _entries.Remove((grainId, name));
            }
        }
        finally
        {
            _mutex.Release();
        }
    }

    public async Task RunAsync(Func<GrainId, IRemindable> resolve, CancellationToken stopping)
    {
        _resolve = resolve;
        ownership.OwnershipChanged += OnOwnershipChanged;
        try
        {
            await ReloadAsync();
            DateTimeOffset nextReload = time.GetUtcNow() + options.Value.ReminderRefreshPeriod;
            while (!stopping.IsCancellationRequested)
            {
                if (time.GetUtcNow() >= nextReload)
                {
                    await ReloadAsync();
                    nextReload = time.GetUtcNow() + options.Value.ReminderRefreshPeriod;
                }
                FireDue();
                TimeSpan wait = NextWait(nextReload);
                try
                {
                    await _wake.WaitAsync(wait, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            ownership.OwnershipChanged -= OnOwnershipChanged;
        }
    }

    private void OnOwnershipChanged() => _ = ReloadSafelyAsync();

    private async Task ReloadSafelyAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reloading reminders after an ownership change failed; the periodic reload will retry");
        }
    }

    private async Task ReloadAsync()
    {
        await _mutex.WaitAsync();
        try
        {
            IReadOnlyList<ReminderRow> rows = await table.ReadAllAsync();
            DateTimeOffset now = time.GetUtcNow();
            lock (_lock)
            {
                _entries.Clear();
                _schedule.Clear();
                foreach (ReminderRow row in rows.Where(r => ownership.IsLocal(r.GrainId)))
                {
                    AddLocked(row, FirstDueAfterLoad(row, now));
                }
            }
        }
        finally
        {
            _mutex.Release();
        }
        _wake.Release();
    }

    /// <summary>The latest tick at or before now fires at once unless it was already fired; otherwise the next tick.</summary>
    private static DateTimeOffset FirstDueAfterLoad(ReminderRow row, DateTimeOffset now)
    {
        if (now < row.FirstDueAt)
        {
            return row.FirstDueAt;
        }
        long ticksPassed = (now - row.FirstDueAt).Ticks / row.Period.Ticks;
        DateTimeOffset latestDue = row.FirstDueAt + TimeSpan.FromTicks(ticksPassed * row.Period.Ticks);
        return row.LastFiredAt is null || row.LastFiredAt < latestDue ? now : latestDue + row.Period;
    }

    private void Schedule(ReminderRow row, DateTimeOffset due)
    {
        lock (_lock)
        {
            AddLocked(row, due);
        }
        _wake.Release();
    }

    private void AddLocked(ReminderRow row, DateTimeOffset due)
    {
        _entries[(row.GrainId, row.Name)] = row;
        _schedule.Enqueue((row, due), due);
    }

    private void FireDue()
    {
        DateTimeOffset now = time.GetUtcNow();
        var due = new List<(ReminderRow Row, DateTimeOffset Due)>();
        lock (_lock)
        {
            while (_schedule.TryPeek(out (ReminderRow Row, DateTimeOffset Due) next, out DateTimeOffset at) && at <= now)
            {
                _schedule.Dequeue();
                if (!_entries.TryGetValue((next.Row.GrainId, next.Row.Name), out ReminderRow? current) || !ReferenceEquals(current, next.Row))
                {
                    continue;
                }
                due.Add(next);
                DateTimeOffset following = next.Due + next.Row.Period;
                if (following <= now)
                {
                    following = now + next.Row.Period - TimeSpan.FromTicks((now - next.Due).Ticks % next.Row.Period.Ticks);
                }
                _schedule.Enqueue((next.Row, following), following);
            }
        }
        foreach ((ReminderRow row, DateTimeOffset dueAt) in due)
        {
            _ = FireAsync(row, dueAt, now);
        }
    }

    private async Task FireAsync(ReminderRow row, DateTimeOffset dueAt, DateTimeOffset firedAt)
    {
        try
        {
            await _resolve!(row.GrainId).ReceiveReminderAsync(row.Name, new TickStatus(row.FirstDueAt, row.Period, dueAt, firedAt));
            await table.MarkFiredAsync(row.GrainId, row.Name, firedAt);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reminder {Reminder} of {GrainId} failed; it fires again at its next tick", row.Name, row.GrainId);
        }
    }

    private TimeSpan NextWait(DateTimeOffset nextReload)
    {
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset until = nextReload;
        lock (_lock)
        {
            if (_schedule.TryPeek(out _, out DateTimeOffset due) && due < until)
            {
                until = due;
            }
        }
        TimeSpan wait = until - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
