using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications;

/// <summary>What every sender checks before it sends: a channel that cannot work fails at once, not retryable.</summary>
internal static class ChannelChecks
{
    /// <summary>The channel's URL when it is absolute http(s), else null.</summary>
    public static Uri? Endpoint(ChannelConfig channel) =>
        Uri.TryCreate(channel.Url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <summary>A permanent failure for a misconfigured channel, logged once as such.</summary>
    public static DeliveryResult Misconfigured(ILogger logger, ChannelConfig channel, string problem)
    {
        NotificationLog.Misconfigured(logger, channel.Kind, channel.Name, problem);
        return DeliveryResult.Permanent(null, problem);
    }
}
