using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications;

/// <summary>The senders' log events (46xx). Channels are named, never shown with their URL or secret; phones masked.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 4600, Level = LogLevel.Information, Message = "Notification {EventKind} delivered to {Kind} channel {Channel} at {Endpoint} (HTTP {Status})")]
    public static partial void Delivered(ILogger logger, string eventKind, ChannelKind kind, string channel, string endpoint, int? status);

    [LoggerMessage(EventId = 4601, Level = LogLevel.Warning, Message = "Notification {EventKind} to {Kind} channel {Channel} at {Endpoint} failed (HTTP {Status}, retryable {Retryable}): {Error}")]
    public static partial void Failed(ILogger logger, string eventKind, ChannelKind kind, string channel, string endpoint, int? status, bool retryable, string? error);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "SMS {EventKind} to {Phone} accepted by {Provider} for channel {Channel}")]
    public static partial void SmsAccepted(ILogger logger, string eventKind, string phone, string provider, string channel);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Warning, Message = "SMS {EventKind} to {Phone} via {Provider} for channel {Channel} failed (retryable {Retryable}): {Error}")]
    public static partial void SmsFailed(ILogger logger, string eventKind, string phone, string provider, string channel, bool retryable, string? error);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Warning, Message = "{Kind} channel {Channel} is not configured right: {Problem}")]
    public static partial void Misconfigured(ILogger logger, ChannelKind kind, string channel, string problem);

    /// <summary>One robot or webhook delivery's outcome, at Information when delivered and Warning when not.</summary>
    public static void Outcome(ILogger logger, ChannelConfig channel, string eventKind, DeliveryResult result)
    {
        string endpoint = Redaction.SafeUrl(channel.Url);
        if (result.Delivered)
        {
            Delivered(logger, eventKind, channel.Kind, channel.Name, endpoint, result.HttpStatus);
        }
        else
        {
            Failed(logger, eventKind, channel.Kind, channel.Name, endpoint, result.HttpStatus, result.Retryable, result.Error);
        }
    }
}
