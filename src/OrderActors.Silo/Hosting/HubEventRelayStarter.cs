using OrderActors.Abstractions.Events;
using Orleans;

namespace OrderActors.Silo.Hosting;

/// <summary>
/// Once the silo is up (PostgreSQL mode), makes sure the cluster's hub event relay runs and has its reminder, retrying
/// while the cluster or the database is not ready. Every silo does this; the relay is one grain, so it runs once.
/// </summary>
public sealed partial class HubEventRelayStarter(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<HubEventRelayStarter> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        for (TimeSpan retry = FirstRetry; !stoppingToken.IsCancellationRequested; retry = Min(retry * 2, LongestRetry))
        {
            try
            {
                await grains.GetGrain<IHubEventRelayGrain>(IHubEventRelayGrain.Key).EnsureRunningAsync().WaitAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetrying(ex, retry);
                await Task.Delay(retry, stoppingToken);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "Could not start the hub event relay; retrying in {Retry}")]
    private partial void LogRetrying(Exception exception, TimeSpan retry);
}
