using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Orders;

namespace OrderActors.Grains;

/// <summary>
/// The unpaid timeout (the "Hub:Unpaid" section): remind after <see cref="RemindAfter"/>, cancel after
/// <see cref="CancelAfter"/>, both counted from the order's creation on the platform; a channel may override either under
/// <c>Hub:Unpaid:Channels:{channel}</c>.
/// </summary>
public sealed class UnpaidOptions
{
    public TimeSpan RemindAfter { get; set; } = UnpaidRules.Default.RemindAfter;

    public TimeSpan CancelAfter { get; set; } = UnpaidRules.Default.CancelAfter;

    public Dictionary<string, UnpaidChannelRules> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every channel's rules make sense (checked when the silo starts).</summary>
    public bool IsValid() => Enum.GetValues<Channel>().All(c =>
    {
        UnpaidChannelRules? rules = Channels.GetValueOrDefault(c.ToRouteName());
        TimeSpan remind = rules?.RemindAfter ?? RemindAfter;
        return remind > TimeSpan.Zero && (rules?.CancelAfter ?? CancelAfter) > remind;
    });

    public UnpaidRules For(Channel channel)
    {
        UnpaidChannelRules? rules = Channels.GetValueOrDefault(channel.ToRouteName());
        TimeSpan remind = rules?.RemindAfter ?? RemindAfter;
        TimeSpan cancel = rules?.CancelAfter ?? CancelAfter;
        if (remind <= TimeSpan.Zero || cancel <= remind)
        {
            throw new InvalidOperationException(
                $"Hub:Unpaid for {channel.ToRouteName()}: RemindAfter ({remind}) must be positive and below CancelAfter ({cancel}).");
        }
        return new UnpaidRules(remind, cancel);
    }
}

/// <summary>One channel's overrides; an unset one follows the hub's.</summary>
public sealed class UnpaidChannelRules
{
    public TimeSpan? RemindAfter { get; set; }

    public TimeSpan? CancelAfter { get; set; }
}
