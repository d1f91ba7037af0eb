using OrderActors.Abstractions.Orders;
using Orleans;

namespace OrderActors.Abstractions.Channels;

/// <summary>
/// The pull of one tenant's shop on one channel (key <c>tenant/{channel}</c>): a scheduled incremental pull of the
/// orders modified since a persisted cursor, and catch-ups of a given window, both feeding the same intake as a push.
/// </summary>
[Alias("oa.IChannelPullGrain")]
public interface IChannelPullGrain : IGrainWithStringKey
{
    /// <summary>The grain of <paramref name="tenant"/>'s shop on <paramref name="channel"/>.</summary>
    static string Key(string tenant, Channel channel) => $"{tenant}/{channel.ToRouteName()}";

    /// <summary>Registers the scheduled pull's reminder when the pull is configured and enabled, removes it otherwise.</summary>
    [Alias("EnsureScheduleAsync")]
    Task<PullStatus> EnsureScheduleAsync();

    /// <summary>Starts pulling the orders modified in [from, to) (a catch-up); answers at once with the run to poll.</summary>
    [Alias("StartCatchUpAsync")]
    Task<PullRun> StartCatchUpAsync(DateTimeOffset from, DateTimeOffset to, string requestedBy);

    /// <summary>The cursor, the schedule, the run in progress and the last runs.</summary>
    [Alias("GetStatusAsync")]
    Task<PullStatus> GetStatusAsync();

    /// <summary>One of the recent runs, in progress or finished; null when unknown.</summary>
    [Alias("GetRunAsync")]
    Task<PullRun?> GetRunAsync(string runId);
}
