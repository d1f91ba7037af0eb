using Microsoft.Extensions.Logging;
using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

/// <summary>Secrets, robot keys and tokens never reach a log line or an error; phone numbers only masked.</summary>
public sealed class SecretsInLogsTests
{
    private const string WeComKey = "wecom-key-5b1f0c7a-91d2";
    private const string DingTalkToken = "dingtalk-token-77aa1c9e0f";
    private const string DingTalkSecret = "SEC-dingtalk-secret-31f0";
    private const string FeishuHook = "feishu-hook-0d9a4c1e7b";
    private const string FeishuSecret = "feishu-secret-8c2e11";
    private const string WebhookSecret = "webhook-secret-6e3d99";
    private const string AccessKeyId = "LTAI-access-key-id-4411";
    private const string AccessKeySecret = "aliyun-secret-0a9b8c";

    private static readonly string[] Forbidden =
        [WeComKey, DingTalkToken, DingTalkSecret, FeishuHook, FeishuSecret, WebhookSecret, AccessKeyId, AccessKeySecret, Samples.BuyerPhone];

    private static ChannelConfig[] Channels(CaptureServer server) =>
    [
        Samples.Channel(ChannelKind.WeCom, server.Url($"{PlatformReplies.WeComPath}?key={WeComKey}")),
        Samples.Channel(ChannelKind.DingTalk, server.Url($"{PlatformReplies.DingTalkPath}?access_token={DingTalkToken}"), DingTalkSecret),
        Samples.Channel(ChannelKind.Feishu, server.Url(PlatformReplies.FeishuPath + FeishuHook), FeishuSecret),
        Samples.Channel(ChannelKind.Webhook, server.Url("/hook"), WebhookSecret),
        Samples.Channel(ChannelKind.Sms, server.Url("/"), AccessKeySecret, new Dictionary<string, string>
        {
            [ChannelSettings.SignName] = "好物小店",
            [ChannelSettings.AccessKeyId] = AccessKeyId,
            [ChannelSettings.Template(EventKinds.OrderShipped)] = "SMS_1",
        }),
    ];

    [Fact]
    public async Task DeliveriesThatSucceedLogNoSecretAndAMaskedPhone()
    {
        await using var harness = new SenderHarness();

        foreach (ChannelConfig channel in Channels(harness.Server))
        {
            Assert.True((await harness.SendAsync(channel, Samples.Shipped())).Delivered, channel.Name);
        }

        IReadOnlyList<LogEntry> logs = harness.Logs.Entries;
        Assert.Equal(5, logs.Count(e => e.EventId.Id is 4600 or 4602));
        AssertClean(logs);
        LogEntry sms = Assert.Single(logs, e => e.EventId.Id == 4602);
        Assert.Contains("138****5678", sms.Message);
    }

    [Fact]
    public async Task FailuresWhoseRepliesEchoTheSecretsLogAndReturnThemScrubbed()
    {
        await using var harness = new SenderHarness(o => o.InRequestRetries = 0);
        // Each "platform" echoes everything it was sent and knows: the query, the path, and its own channel's secrets.
        harness.Server.Responder = r =>
        {
            string echo = $"bad {r.RawQuery} {r.Path} {string.Join(' ', OwnSecrets(PlatformReplies.Platform(r)))} {Samples.BuyerPhone}";
            return new CaptureReply(500, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["errcode"] = 93000, ["code"] = 19021, ["Code"] = "isp.SYSTEM_ERROR", ["errmsg"] = echo, ["msg"] = echo, ["Message"] = echo,
            }));
        };
        var results = new List<DeliveryResult>();

        foreach (ChannelConfig channel in Channels(harness.Server))
        {
            results.Add(await harness.SendAsync(channel, Samples.Shipped()));
        }

        Assert.All(results, r => Assert.False(r.Delivered));
        Assert.All(results, r => Assert.All(Forbidden, secret => Assert.DoesNotContain(secret, r.Error ?? "")));
        Assert.Contains(results, r => r.Error!.Contains("***", StringComparison.Ordinal));
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 4603 && e.Message.Contains("138****5678", StringComparison.Ordinal));
        AssertClean(harness.Logs.Entries);
    }

    [Fact]
    public async Task NetworkErrorsAndMisconfiguredChannelsLogNoSecret()
    {
        await using var harness = new SenderHarness(o => o.InRequestRetries = 0);
        int closed = CaptureServer.FreePort();

        await harness.SendAsync(Samples.Channel(ChannelKind.DingTalk, $"http://127.0.0.1:{closed}/robot/send?access_token={DingTalkToken}", DingTalkSecret), Samples.Shipped());
        await harness.SendAsync(Samples.Channel(ChannelKind.Webhook, $"ftp://example.invalid/{WebhookSecret}", WebhookSecret), Samples.Shipped());

        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 4601);
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 4604);
        AssertClean(harness.Logs.Entries);
    }

    [Fact]
    public void PrintingAChannelOrAnSmsShowsNeitherSecretNorPhone()
    {
        ChannelConfig channel = Samples.Channel(ChannelKind.Feishu, "https://open.feishu.cn/open-apis/bot/v2/hook/" + FeishuHook, FeishuSecret);
        var sms = new SmsMessage(EventKinds.OrderShipped, Samples.BuyerPhone, "店", "SMS_1", new Dictionary<string, string>(), "text", null);

        Assert.DoesNotContain(FeishuSecret, channel.ToString());
        Assert.DoesNotContain(FeishuHook, channel.ToString());
        Assert.Equal("SMS order.shipped to 138****5678", sms.ToString());
    }

    private static string[] OwnSecrets(string platform) => platform switch
    {
        "wecom" => [WeComKey],
        "dingtalk" => [DingTalkToken, DingTalkSecret],
        "feishu" => [FeishuHook, FeishuSecret],
        "aliyun" => [AccessKeyId, AccessKeySecret],
        _ => [WebhookSecret],
    };

    private static void AssertClean(IEnumerable<LogEntry> logs) =>
        Assert.All(logs, entry => Assert.All(Forbidden, secret => Assert.DoesNotContain(secret, entry.Everything)));
}
