using OrderActors.Abstractions.Orders;

namespace OrderActors.Silo.Api;

/// <summary>Route names of sales channels.</summary>
public static class Channels
{
    /// <summary>The channel, or a field error naming the accepted ones.</summary>
    public static Channel Parse(RequestCheck check, string? name)
    {
        if (ChannelNames.TryParse(name, out Channel channel))
        {
            return channel;
        }
        check.Add("channel", $"Unknown channel '{name}': one of {string.Join(", ", ChannelNames.All)}.");
        return default;
    }
}
