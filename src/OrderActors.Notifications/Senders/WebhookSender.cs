using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications;

/// <summary>
/// A tenant's own endpoint: POST the notification and its rendering as JSON, signed with
/// <c>X-OrderActors-Timestamp</c> (Unix seconds) and <c>X-OrderActors-Signature</c> = lowercase hex
/// HMAC-SHA256(secret, timestamp + "." + body). Any 2xx is delivered. A webhook channel must have a secret.
/// </summary>
internal sealed class WebhookSender(HttpDelivery http, TimeProvider time, ILogger<WebhookSender> logger) : IChannelSender
{
    public const string TimestampHeader = "X-OrderActors-Timestamp";
    public const string SignatureHeader = "X-OrderActors-Signature";
    public const string EventHeader = "X-OrderActors-Event";
    public const string EventIdHeader = "X-OrderActors-Event-Id";

    public ChannelKind Kind => ChannelKind.Webhook;

    public async Task<DeliveryResult> SendAsync(ChannelConfig channel, Notification notification, CancellationToken ct)
    {
        if (ChannelChecks.Endpoint(channel) is not { } endpoint)
        {
            return ChannelChecks.Misconfigured(logger, channel, "the webhook URL is not an absolute http(s) URL");
        }
        if (string.IsNullOrEmpty(channel.Secret))
        {
            return ChannelChecks.Misconfigured(logger, channel, "a webhook channel needs a secret to sign with");
        }
        DateTimeOffset now = time.GetUtcNow();
        string timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string json = WireJson.Write(Body(notification, NotificationTemplates.Render(notification), now));
        string signature = BotSignatures.Webhook(timestamp, json, channel.Secret);
        DeliveryResult result = await http.SendAsync(
            channel,
            NotificationHttpClients.Robots,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = WireJson.Content(json) };
                request.Headers.Add(TimestampHeader, timestamp);
                request.Headers.Add(SignatureHeader, signature);
                request.Headers.Add(EventHeader, notification.EventKind);
                if (!string.IsNullOrEmpty(notification.EventId))
                {
                    request.Headers.Add(EventIdHeader, notification.EventId);
                }
                return request;
            },
            (status, _) => status is >= 200 and < 300 ? DeliveryResult.Ok(status) : DeliveryResult.Permanent(status, $"HTTP {status}"),
            ct).ConfigureAwait(false);
        NotificationLog.Outcome(logger, channel, notification.EventKind, result);
        return result;
    }

    internal static JsonObject Body(Notification notification, RenderedMessage message, DateTimeOffset sentAt)
    {
        var fields = new JsonObject();
        foreach ((string name, string value) in (notification.Fields ?? new Dictionary<string, string>()).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            fields[name] = value;
        }
        return new JsonObject
        {
            ["eventId"] = notification.EventId,
            ["eventKind"] = notification.EventKind,
            ["subject"] = notification.Subject,
            ["fields"] = fields,
            ["recipient"] = notification.Recipient,
            ["title"] = message.Title,
            ["text"] = message.Text,
            ["markdown"] = message.Markdown,
            ["sentAt"] = sentAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
    }
}
