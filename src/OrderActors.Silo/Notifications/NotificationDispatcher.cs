using Microsoft.Extensions.Options;
using OrderActors.Notifications;

namespace OrderActors.Silo.Notifications;

/// <summary>
/// The outbox's worker on every silo: it fans out new hub events (one silo at a time, exactly once) and sends the
/// notifications that are due, each claimed for a lease so a silo that dies mid-delivery costs a repeat, never a loss.
/// A failed attempt waits out the retry schedule (exponential, full jitter); the last one leaves a dead letter.
/// </summary>
public sealed partial class NotificationDispatcher(
    NotificationStore store, NotificationFanout fanout, INotificationSender senders, IOptions<NotificationOptions> options,
    TimeProvider time, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private const int FanOutBatch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(ex);
            }
            try
            {
                await Task.Delay(options.Value.PollPeriod, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One poll: fan out what is new, then send what is due.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var channels = new Dictionary<string, IReadOnlyList<ChannelConfig>>();
        while (await store.FanOutAsync(FanOutBatch, options.Value.SettleTime, async e =>
               {
                   if (!channels.TryGetValue(e.Tenant, out IReadOnlyList<ChannelConfig>? tenantChannels))
                   {
                       tenantChannels = (await store.ChannelsAsync(e.Tenant)).Select(c => c.Channel).ToList();
                       channels[e.Tenant] = tenantChannels;
                   }
                   return await fanout.EntriesAsync(e, tenantChannels);
               }, cancellationToken) == FanOutBatch)
        {
        }
        IReadOnlyList<OutboxRow> due = await store.ClaimDueAsync(options.Value.BatchSize, options.Value.Lease, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (row, ct) => await SendAsync(row, ct));
    }

    private async Task SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (await store.ChannelAsync(row.Tenant, row.Channel) is not { } found)
        {
            await store.RecordAttemptAsync(row, OutboxStatus.Failed, $"channel {row.Channel} no longer exists", null);
            return;
        }
        var notification = new Notification(row.EventKind, row.Subject, row.Fields, row.Recipient, row.EventSeq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        DeliveryResult result = await senders.SendAsync(found.Channel, notification, cancellationToken);
        RetryDecision decision = RetrySchedule.After(result, row.Attempts + 1, Random.Shared, time, options.Value.RetrySchedule);
        if (result.Delivered)
        {
            await store.RecordAttemptAsync(row, OutboxStatus.Delivered, null, null);
            LogDelivered(row.Id, row.EventKind, row.Channel, row.Tenant, row.Attempts + 1);
        }
        else if (decision.DeadLettered)
        {
            await store.RecordAttemptAsync(row, OutboxStatus.Failed, result.Error, null);
            LogDeadLettered(row.Id, row.EventKind, row.Channel, row.Tenant, row.Attempts + 1, result.Error);
        }
        else
        {
            await store.RecordAttemptAsync(row, OutboxStatus.Pending, result.Error, decision.NextAttemptAt);
            LogRetrying(row.Id, row.EventKind, row.Channel, row.Attempts + 1, decision.Delay ?? TimeSpan.Zero, result.Error);
        }
    }

    [LoggerMessage(EventId = 4700, Level = LogLevel.Information,
        Message = "Notification {Id} ({EventKind}) delivered to channel {Channel} of {Tenant} at attempt {Attempt}")]
    private partial void LogDelivered(long id, string eventKind, string channel, string tenant, int attempt);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Warning,
        Message = "Notification {Id} ({EventKind}) to channel {Channel} failed at attempt {Attempt}; next in {Delay}: {Error}")]
    private partial void LogRetrying(long id, string eventKind, string channel, int attempt, TimeSpan delay, string? error);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Error,
        Message = "Notification {Id} ({EventKind}) to channel {Channel} of {Tenant} dead-lettered after {Attempt} attempts: {Error}")]
    private partial void LogDeadLettered(long id, string eventKind, string channel, string tenant, int attempt, string? error);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Warning, Message = "The notification outbox's poll failed; trying again")]
    private partial void LogPollFailed(Exception exception);
}
