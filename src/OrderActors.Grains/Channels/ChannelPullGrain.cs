using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Channels;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors;
using OrderActors.Connectors.Pull;
using Orleans.Concurrency;

namespace OrderActors.Grains.Channels;

/// <summary>
/// Pulls one tenant's shop on one channel (key <c>tenant/{channel}</c>): a durable reminder every
/// <c>Interval</c> pulls the window from the cursor less the overlap to now, and operators start catch-ups of a
/// given window. A window is cut into the slices the platform's list accepts and read page by page; each order goes
/// through the channel's connector to its order grain exactly as a push does, so a pulled order and a pushed one
/// are one order (the second is answered duplicate). A scheduled run moves the cursor only past slices read whole.
/// Reentrant so that status and catch-up requests are answered while a run awaits the platform; only the one
/// running run writes state after it started.
/// </summary>
[Reentrant]
[GrainType("channelpull")]
public sealed partial class ChannelPullGrain(
    [PersistentState("channelpull")] IPersistentState<ChannelPullState> state,
    IOptions<ChannelPullOptions> options,
    IHttpClientFactory httpClients,
    ConnectorRegistry connectors,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ILogger<ChannelPullGrain> logger) : Grain, IChannelPullGrain, IRemindable
{
    private const string ScheduleReminder = "pull";
    private const int RunsKept = 10;
    private const int MostPagesPerSlice = 10_000;

    private readonly CancellationTokenSource _deactivating = new();
    private string _tenant = "";
    private Channel _channel;
    private RunProgress? _running;
    private IGrainTimer? _runTimer;

    private string ChannelName => _channel.ToRouteName();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        string key = this.GetPrimaryKeyString();
        _tenant = Keys.TenantOf(key);
        if (!ChannelNames.TryParse(Keys.LocalPart(key), out _channel))
        {
            throw new ArgumentException($"'{key}' does not name a channel.");
        }
        if (state.State.Runs.Any(r => r.State == PullRunState.Running))
        {
            DateTimeOffset now = time.GetUtcNow();
            state.State = state.State with
            {
                Runs = state.State.Runs.Select(r => r.State == PullRunState.Running ? r with { State = PullRunState.Interrupted, FinishedAt = now } : r).ToList(),
            };
            await state.WriteStateAsync(cancellationToken);
            LogInterrupted(_tenant, ChannelName);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating.Cancel();
        return Task.CompletedTask;
    }

    public async Task<PullStatus> EnsureScheduleAsync()
    {
        PullTarget? target = options.Value.Target(_tenant, _channel, out string? notConfigured);
        if (target is { Settings.Enabled: true })
        {
            TimeSpan interval = target.Settings.Interval;
            await this.RegisterOrUpdateReminder(ScheduleReminder, interval, interval);
            LogScheduled(_tenant, ChannelName, interval);
        }
        else
        {
            await UnscheduleAsync(notConfigured ?? "disabled");
        }
        return await GetStatusAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        PullTarget? target = options.Value.Target(_tenant, _channel, out string? notConfigured);
        if (target is not { Settings.Enabled: true })
        {
            await UnscheduleAsync(notConfigured ?? "disabled");
            return;
        }
        if (_running is { } running)
        {
            LogTickSkipped(_tenant, ChannelName, running.RunId);
            return;
        }
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset from = state.State.Cursor is { } cursor ? cursor - target.Settings.Overlap : now - target.Settings.Lookback;
        await StartRunAsync(target, PullRunKind.Scheduled, new PullWindow(from, now), "schedule");
    }

    public async Task<PullRun> StartCatchUpAsync(DateTimeOffset from, DateTimeOffset to, string requestedBy)
    {
        PullTarget target = options.Value.Target(_tenant, _channel, out string? notConfigured)
            ?? throw new ConflictException($"Pulling {ChannelName} is not configured for tenant {_tenant}: {notConfigured}.");
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset end = to > now ? now : to;
        if (from >= end)
        {
            throw new CommandValidationException("from", from >= to ? "from must be before to." : "from must be in the past.");
        }
        if (end - from > target.Settings.MaxCatchUp)
        {
            throw new CommandValidationException("to", $"A catch-up spans at most {target.Settings.MaxCatchUp:c}; split the window.");
        }
        if (_running is { } running)
        {
            throw new ConflictException($"Pull run {running.RunId} of {ChannelName} is still running; wait until it finishes.");
        }
        return await StartRunAsync(target, PullRunKind.CatchUp, new PullWindow(from.ToUniversalTime(), end.ToUniversalTime()), requestedBy);
    }

    public async Task<PullStatus> GetStatusAsync()
    {
        PullTarget? target = options.Value.Target(_tenant, _channel, out string? notConfigured);
        ChannelPullSettings settings = options.Value.For(_channel);
        bool scheduled = await this.GetReminder(ScheduleReminder) is not null;
        IReadOnlyList<PullRun> finished = state.State.Runs.Where(r => r.RunId != _running?.RunId).ToList();
        return new PullStatus(
            _channel, target is not null, notConfigured, scheduled, settings.Interval, settings.Overlap, state.State.Cursor, _running?.Snapshot(),
            finished.FirstOrDefault(r => r.Kind == PullRunKind.Scheduled), finished.FirstOrDefault(r => r.Kind == PullRunKind.CatchUp));
    }

    public Task<PullRun?> GetRunAsync(string runId) => Task.FromResult(
        _running?.RunId == runId ? _running.Snapshot() : state.State.Runs.FirstOrDefault(r => r.RunId == runId));

    private async Task UnscheduleAsync(string reason)
    {
        if (await this.GetReminder(ScheduleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            LogUnscheduled(_tenant, ChannelName, reason);
        }
    }

    /// <summary>Records the run before it starts, then runs it in a timer so the caller is answered at once.</summary>
    private async Task<PullRun> StartRunAsync(PullTarget target, PullRunKind kind, PullWindow window, string requestedBy)
    {
        IOrderListClient client = OrderListClients.Create(target, httpClients.CreateClient(OrderListClients.HttpClientName), time);
        int number = state.State.NextRun;
        var run = new RunProgress($"r{number}", kind, window, window.Slices(client.MaxWindow), time.GetUtcNow(), requestedBy);
        _running = run;
        try
        {
            state.State = state.State with { NextRun = number + 1, Runs = Recorded(run.Snapshot()) };
            await state.WriteStateAsync();
        }
        catch
        {
            _running = null;
            throw;
        }
        LogStarted(_tenant, ChannelName, run.RunId, kind, window.From, window.To, run.Slices.Count);
        _runTimer = this.RegisterGrainTimer(
            _ => ExecuteAsync(run, client), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        return run.Snapshot();
    }

    private Task SaveAsync(RunProgress run)
    {
        state.State = state.State with { Runs = Recorded(run.Snapshot()) };
        return state.WriteStateAsync();
    }

    private IReadOnlyList<PullRun> Recorded(PullRun run) =>
        [run, .. state.State.Runs.Where(r => r.RunId != run.RunId).Take(RunsKept - 1)];

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Pull of {Channel} for {Tenant} scheduled every {Interval}")]
    private partial void LogScheduled(string tenant, string channel, TimeSpan interval);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Pull of {Channel} for {Tenant} unscheduled: {Reason}")]
    private partial void LogUnscheduled(string tenant, string channel, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information,
        Message = "Pull run {RunId} of {Channel} for {Tenant} started ({Kind}): {From:O} to {To:O} in {Slices} slices")]
    private partial void LogStarted(string tenant, string channel, string runId, PullRunKind kind, DateTimeOffset from, DateTimeOffset to, int slices);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Pull run {RunId} of {Channel} for {Tenant} {State}: {Pages} pages, {Fetched} orders, {New} new, {Duplicates} duplicates, {Errors} errors")]
    private partial void LogFinished(string tenant, string channel, string runId, PullRunState state, int pages, int fetched, int @new, int duplicates, int errors);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Pull run {RunId} of {Channel} for {Tenant} failed: {Reason}")]
    private partial void LogRunFailed(string tenant, string channel, string runId, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information,
        Message = "Pull of {Channel} for {Tenant}: order {OrderId} was {Kind} on the platform, which its push never said; applied")]
    private partial void LogStatusCaughtUp(string tenant, string channel, string orderId, PlatformEventKind kind);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Pull tick of {Channel} for {Tenant} skipped: run {RunId} is still running")]
    private partial void LogTickSkipped(string tenant, string channel, string runId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Pull of {Channel} for {Tenant}: a run was cut off by a silo stop and is marked interrupted")]
    private partial void LogInterrupted(string tenant, string channel);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Error, Message = "Pull run {RunId} of {Channel} for {Tenant}: its result could not be saved")]
    private partial void LogNotSaved(Exception exception, string tenant, string channel, string runId);
}

/// <summary>A list page that could not be read, with where it was.</summary>
public sealed class PullPageException(string message, Exception inner) : Exception(message, inner);
