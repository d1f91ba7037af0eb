using OrderActors.Abstractions.Channels;

namespace OrderActors.Grains.Channels;

/// <summary>A channel pull's durable state: the cursor and the recent runs, newest first.</summary>
[GenerateSerializer, Alias("oa.ChannelPullState")]
public sealed record ChannelPullState
{
    /// <summary>The end of the last scheduled slice pulled whole; null before the first.</summary>
    [Id(0)]
    public DateTimeOffset? Cursor { get; init; }

    /// <summary>The number the next run's id takes.</summary>
    [Id(1)]
    public int NextRun { get; init; } = 1;

    [Id(2)]
    public IReadOnlyList<PullRun> Runs { get; init; } = [];
}
