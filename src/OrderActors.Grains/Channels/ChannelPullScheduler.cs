using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Channels;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Pull;

namespace OrderActors.Grains.Channels;

/// <summary>
/// Once the silo is up, asks the pull grain of every configured shop (a channel with <c>Pull:Enabled</c> and a base
/// URL, a tenant with credentials in the channel's <c>Shops</c>) to register its reminder, retrying while the cluster
/// is not ready. Shops that are not configured are left alone: their grains are never activated and no reminder fires
/// for them. A grain whose pull was switched off removes its own reminder at the next tick.
/// </summary>
public sealed partial class ChannelPullScheduler(
    IGrainFactory grains, IOptions<ChannelPullOptions> options, IHostApplicationLifetime lifetime, ILogger<ChannelPullScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        List<(string Tenant, Channel Channel)> shops = ScheduledShops().ToList();
        if (shops.Count == 0)
        {
            return;
        }
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        foreach ((string tenant, Channel channel) in shops)
        {
            await EnsureAsync(tenant, channel, stoppingToken);
        }
    }

    private IEnumerable<(string Tenant, Channel Channel)> ScheduledShops()
    {
        ChannelPullOptions pulls = options.Value;
        foreach (Channel channel in Enum.GetValues<Channel>())
        {
            ChannelPullSettings settings = pulls.For(channel);
            if (!settings.Enabled)
            {
                continue;
            }
            foreach (string tenant in pulls.Shops(channel).Keys)
            {
                if (pulls.Target(tenant, channel, out string? notConfigured) is null)
                {
                    LogNotConfigured(channel.ToRouteName(), tenant, notConfigured!);
                    continue;
                }
                yield return (tenant, channel);
            }
        }
    }

    private async Task EnsureAsync(string tenant, Channel channel, CancellationToken stoppingToken)
    {
        for (TimeSpan retry = FirstRetry; !stoppingToken.IsCancellationRequested; retry = retry * 2 < LongestRetry ? retry * 2 : LongestRetry)
        {
            try
            {
                await grains.GetGrain<IChannelPullGrain>(IChannelPullGrain.Key(tenant, channel)).EnsureScheduleAsync().WaitAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetrying(ex, channel.ToRouteName(), tenant, retry);
                await Task.Delay(retry, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Pull of {Channel} for {Tenant} is enabled but not configured ({Missing}); it will not run")]
    private partial void LogNotConfigured(string channel, string tenant, string missing);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Could not schedule the pull of {Channel} for {Tenant}; retrying in {Retry}")]
    private partial void LogRetrying(Exception exception, string channel, string tenant, TimeSpan retry);
}
