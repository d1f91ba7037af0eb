using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications;

/// <summary>
/// 飞书自定义机器人: POST <c>…/open-apis/bot/v2/hook/…</c> with <c>msg_type</c> <c>post</c> (rich text, the default),
/// <c>text</c> or <c>interactive</c> (a card with lark_md), plus <c>timestamp</c> (seconds, as a string) and
/// <c>sign</c> when the channel has a 签名校验 secret. The reply's <c>code</c> (older bots: <c>StatusCode</c>) must be 0;
/// 11232 (frequency limited) is retryable.
/// </summary>
internal sealed partial class FeishuSender(HttpDelivery http, TimeProvider time, ILogger<FeishuSender> logger) : IChannelSender
{
    private static readonly int[] RetryableCodes = [11232];

    public ChannelKind Kind => ChannelKind.Feishu;

    public async Task<DeliveryResult> SendAsync(ChannelConfig channel, Notification notification, CancellationToken ct)
    {
        if (ChannelChecks.Endpoint(channel) is not { } endpoint)
        {
            return ChannelChecks.Misconfigured(logger, channel, "the Feishu bot URL is not an absolute http(s) URL");
        }
        RenderedMessage message = NotificationTemplates.Render(notification);
        JsonObject body = Body(message, channel.Setting(ChannelSettings.MessageType));
        if (!string.IsNullOrEmpty(channel.Secret))
        {
            long timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            body["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture);
            body["sign"] = BotSignatures.Feishu(timestamp, channel.Secret);
        }
        string json = WireJson.Write(body);
        DeliveryResult result = await http.SendAsync(
            channel,
            NotificationHttpClients.Robots,
            () => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = WireJson.Content(json) },
            (status, reply) => PlatformReply.Interpret(status, reply, RetryableCodes, "code", "StatusCode"),
            ct).ConfigureAwait(false);
        NotificationLog.Outcome(logger, channel, notification.EventKind, result);
        return result;
    }

    internal static JsonObject Body(RenderedMessage message, string? messageType)
    {
        if (string.Equals(messageType, "text", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject
            {
                ["msg_type"] = "text",
                ["content"] = new JsonObject { ["text"] = $"{message.Title}\n{message.Text}" },
            };
        }
        if (string.Equals(messageType, "interactive", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonObject
            {
                ["msg_type"] = "interactive",
                ["card"] = new JsonObject
                {
                    ["header"] = new JsonObject
                    {
                        ["title"] = new JsonObject { ["tag"] = "plain_text", ["content"] = message.Title },
                        ["template"] = "blue",
                    },
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["tag"] = "div",
                        ["text"] = new JsonObject { ["tag"] = "lark_md", ["content"] = string.Join('\n', BodyLines(message).Select(StripQuote)) },
                    }),
                },
            };
        }
        var paragraphs = new JsonArray();
        foreach (string line in BodyLines(message))
        {
            Match link = LinkLine().Match(line);
            paragraphs.Add(link.Success
                ? new JsonArray(new JsonObject { ["tag"] = "a", ["text"] = link.Groups["text"].Value, ["href"] = link.Groups["href"].Value })
                : new JsonArray(new JsonObject { ["tag"] = "text", ["text"] = StripQuote(line).Replace("**", "", StringComparison.Ordinal) }));
        }
        return new JsonObject
        {
            ["msg_type"] = "post",
            ["content"] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["zh_cn"] = new JsonObject { ["title"] = message.Title, ["content"] = paragraphs },
                },
            },
        };
    }

    /// <summary>The markdown's lines under its heading: Feishu shows the title itself.</summary>
    private static IEnumerable<string> BodyLines(RenderedMessage message) =>
        message.Markdown.Split('\n').Where(l => !l.StartsWith('#') && l.Length > 0);

    private static string StripQuote(string line) => line.StartsWith("> ", StringComparison.Ordinal) ? line[2..] : line;

    [GeneratedRegex(@"^\[(?<text>[^\]]+)\]\((?<href>[^)\s]+)\)$")]
    private static partial Regex LinkLine();
}
