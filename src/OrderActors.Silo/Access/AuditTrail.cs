using System.Threading.Channels;

namespace OrderActors.Silo.Access;

/// <summary>
/// Writes audit entries durably with a group commit: a call waits until its entry is in <c>audit_log</c>, and the
/// entries that arrive while one batch is being written go together in the next (one INSERT for many calls at peak).
/// </summary>
public sealed partial class AuditTrail(IAccessStore store, ILogger<AuditTrail> logger) : BackgroundService
{
    private const int MaxBatch = 500;

    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Written)> _pending =
        Channel.CreateUnbounded<(AuditEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes once the entry is stored; a failure to store it is logged with the entry, never thrown at the caller.</summary>
    public Task RecordAsync(AuditEntry entry)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((entry, written)))
        {
            LogNotRecorded(null, entry.Actor, entry.Action, entry.Subject, entry.Status);
            written.SetResult();
        }
        return written.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(AuditEntry Entry, TaskCompletionSource Written)>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _pending.Writer.TryComplete();
            while (_pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<(AuditEntry Entry, TaskCompletionSource Written)> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await store.AppendAuditAsync(batch.Select(b => b.Entry).ToList());
        }
        catch (Exception failure)
        {
            foreach ((AuditEntry entry, _) in batch)
            {
                LogNotRecorded(failure, entry.Actor, entry.Action, entry.Subject, entry.Status);
            }
        }
        foreach ((_, TaskCompletionSource written) in batch)
        {
            written.TrySetResult();
        }
    }

    [LoggerMessage(EventId = 3420, Level = LogLevel.Error, Message = "Audit entry not stored: {Actor} {Action} {Subject} → {Status}")]
    private partial void LogNotRecorded(Exception? exception, string actor, string action, string subject, int status);
}
