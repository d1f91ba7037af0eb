using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications;

/// <summary>
/// 钉钉自定义机器人: POST <c>…/robot/send?access_token=…</c>, with <c>&amp;timestamp=&lt;ms&gt;&amp;sign=&lt;urlencoded&gt;</c>
/// appended when the channel has a 加签 secret, and <c>{"msgtype":"markdown","markdown":{"title","text"}}</c> or
/// <c>{"msgtype":"text","text":{"content"}}</c>. The reply's <c>errcode</c> must be 0; 130101 and 410100 (sending too
/// fast) are retryable.
/// </summary>
internal sealed class DingTalkSender(HttpDelivery http, TimeProvider time, ILogger<DingTalkSender> logger) : IChannelSender
{
    private static readonly int[] RetryableCodes = [130101, 410100, -1];

    public ChannelKind Kind => ChannelKind.DingTalk;

    public async Task<DeliveryResult> SendAsync(ChannelConfig channel, Notification notification, CancellationToken ct)
    {
        if (ChannelChecks.Endpoint(channel) is not { } endpoint)
        {
            return ChannelChecks.Misconfigured(logger, channel, "the DingTalk robot URL is not an absolute http(s) URL");
        }
        RenderedMessage message = NotificationTemplates.Render(notification);
        string json = WireJson.Write(Body(message, channel.Setting(ChannelSettings.MessageType)));
        DeliveryResult result = await http.SendAsync(
            channel,
            NotificationHttpClients.Robots,
            () => new HttpRequestMessage(HttpMethod.Post, SignedUrl(endpoint, channel.Secret)) { Content = WireJson.Content(json) },
            (status, body) => PlatformReply.Interpret(status, body, RetryableCodes, "errcode"),
            ct).ConfigureAwait(false);
        NotificationLog.Outcome(logger, channel, notification.EventKind, result);
        return result;
    }

    /// <summary>Signed at build time, so every attempt of the pipeline carries the same timestamp (well inside the hour).</summary>
    private Uri SignedUrl(Uri endpoint, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return endpoint;
        }
        long timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        string sign = Uri.EscapeDataString(BotSignatures.DingTalk(timestamp, secret));
        string separator = endpoint.Query.Length > 1 ? "&" : "?";
        return new Uri($"{endpoint.GetLeftPart(UriPartial.Query)}{separator}timestamp={timestamp}&sign={sign}");
    }

    /// <summary>DingTalk's markdown needs a hard break ("  \n") where a line should end.</summary>
    internal static JsonObject Body(RenderedMessage message, string? messageType) =>
        string.Equals(messageType, "text", StringComparison.OrdinalIgnoreCase)
            ? new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = $"{message.Title}\n{message.Text}" },
            }
            : new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject
                {
                    ["title"] = message.Title,
                    ["text"] = message.Markdown.Replace("\n", "  \n", StringComparison.Ordinal),
                },
            };
}
