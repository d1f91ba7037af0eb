using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications;

/// <summary>
/// 企业微信群机器人: POST the webhook URL (<c>…/cgi-bin/webhook/send?key=…</c>) with
/// <c>{"msgtype":"markdown","markdown":{"content":…}}</c> (at most 4096 bytes) or <c>{"msgtype":"text","text":{"content":…}}</c>
/// (2048 bytes). The reply's <c>errcode</c> must be 0; 45009 (frequency limit) and -1 (system busy) are retryable.
/// </summary>
internal sealed class WeComSender(HttpDelivery http, ILogger<WeComSender> logger) : IChannelSender
{
    internal const int MarkdownMaxBytes = 4096;
    internal const int TextMaxBytes = 2048;
    private static readonly int[] RetryableCodes = [45009, -1];

    public ChannelKind Kind => ChannelKind.WeCom;

    public async Task<DeliveryResult> SendAsync(ChannelConfig channel, Notification notification, CancellationToken ct)
    {
        if (ChannelChecks.Endpoint(channel) is not { } endpoint)
        {
            return ChannelChecks.Misconfigured(logger, channel, "the WeCom robot URL is not an absolute http(s) URL");
        }
        RenderedMessage message = NotificationTemplates.Render(notification);
        string json = WireJson.Write(Body(message, channel.Setting(ChannelSettings.MessageType)));
        DeliveryResult result = await http.SendAsync(
            channel,
            NotificationHttpClients.Robots,
            () => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = WireJson.Content(json) },
            (status, body) => PlatformReply.Interpret(status, body, RetryableCodes, "errcode"),
            ct).ConfigureAwait(false);
        NotificationLog.Outcome(logger, channel, notification.EventKind, result);
        return result;
    }

    internal static JsonObject Body(RenderedMessage message, string? messageType) =>
        string.Equals(messageType, "text", StringComparison.OrdinalIgnoreCase)
            ? new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = WireJson.LimitBytes($"{message.Title}\n{message.Text}", TextMaxBytes) },
            }
            : new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["content"] = WireJson.LimitBytes(message.Markdown, MarkdownMaxBytes) },
            };
}
