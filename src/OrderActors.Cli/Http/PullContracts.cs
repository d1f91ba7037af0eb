using OrderActors.Abstractions.Channels;

namespace OrderActors.Cli.Http;

/// <summary>GET /api/v1/channels/{channel}/pull and each row of GET /api/v1/channels/pulls.</summary>
public sealed record ChannelPull(
    string Channel, bool Configured, string? NotConfigured, bool Scheduled, TimeSpan Interval, TimeSpan Overlap, DateTimeOffset? Cursor,
    PullRun? Running, PullRun? LastScheduled, PullRun? LastCatchUp);
