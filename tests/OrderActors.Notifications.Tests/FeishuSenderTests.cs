using System.Globalization;
using System.Text.Json;
using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

public sealed class FeishuSenderTests : IAsyncLifetime
{
    private const string HookId = "5e3d587e-d78e-4a07-bd07-265f269f86fd";
    private const string Secret = "nIMtb7r3N9pkXyXdtAbx6e";
    private readonly SenderHarness _harness = new();

    private ChannelConfig Channel(string? secret = Secret, string? messageType = null) => Samples.Channel(
        ChannelKind.Feishu,
        _harness.Server.Url(PlatformReplies.FeishuPath + HookId),
        secret,
        messageType is null ? null : new Dictionary<string, string> { [ChannelSettings.MessageType] = messageType });

    [Fact]
    public async Task ASignedPostCarriesATimestampInSecondsAndTheSignOfTimestampAndSecret()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.True(result.Delivered);
        CapturedRequest request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(PlatformReplies.FeishuPath + HookId, request.Path);
        JsonElement body = request.Json();
        string timestamp = body.GetProperty("timestamp").GetString()!;
        long seconds = long.Parse(timestamp, CultureInfo.InvariantCulture);
        Assert.InRange(seconds, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal(SignatureChecks.Feishu(timestamp, Secret), body.GetProperty("sign").GetString());
    }

    [Fact]
    public async Task ThePostIsRichTextWithTheTitleOneParagraphPerLineAndTheTrackingLink()
    {
        await _harness.SendAsync(Channel(), Samples.Shipped());

        JsonElement body = Assert.Single(_harness.Server.Requests).Json();
        Assert.Equal("post", body.GetProperty("msg_type").GetString());
        JsonElement post = body.GetProperty("content").GetProperty("post").GetProperty("zh_cn");
        Assert.Equal("订单已发货", post.GetProperty("title").GetString());
        JsonElement[] paragraphs = post.GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal(5, paragraphs.Length);
        JsonElement first = Assert.Single(paragraphs[0].EnumerateArray());
        Assert.Equal("text", first.GetProperty("tag").GetString());
        Assert.Equal("订单：TB20240618001", first.GetProperty("text").GetString());
        JsonElement link = Assert.Single(paragraphs[^1].EnumerateArray());
        Assert.Equal("a", link.GetProperty("tag").GetString());
        Assert.Equal("查看物流", link.GetProperty("text").GetString());
        Assert.Equal("https://t.example.cn/SF1234567890", link.GetProperty("href").GetString());
    }

    [Fact]
    public async Task TextAndCardModesUseTheirOwnShapes()
    {
        await _harness.SendAsync(Channel(messageType: "text"), Samples.BreakerTripped());
        await _harness.SendAsync(Channel(messageType: "interactive"), Samples.BreakerTripped());

        JsonElement text = _harness.Server.Requests[0].Json();
        Assert.Equal("text", text.GetProperty("msg_type").GetString());
        Assert.StartsWith("仓库熔断\n仓库 WH-HZ-01", text.GetProperty("content").GetProperty("text").GetString());
        JsonElement card = _harness.Server.Requests[1].Json();
        Assert.Equal("interactive", card.GetProperty("msg_type").GetString());
        Assert.Equal("仓库熔断", card.GetProperty("card").GetProperty("header").GetProperty("title").GetProperty("content").GetString());
        JsonElement div = Assert.Single(card.GetProperty("card").GetProperty("elements").EnumerateArray());
        Assert.Equal("lark_md", div.GetProperty("text").GetProperty("tag").GetString());
        Assert.Contains("无法改派：**7** 单", div.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task WithoutASecretTheBodyHasNoTimestampOrSign()
    {
        await _harness.SendAsync(Channel(secret: null), Samples.Shipped());

        JsonElement body = Assert.Single(_harness.Server.Requests).Json();
        Assert.False(body.TryGetProperty("timestamp", out _));
        Assert.False(body.TryGetProperty("sign", out _));
    }

    [Fact]
    public async Task ASignatureFailureCodeIsPermanent()
    {
        _harness.Server.Responder = _ => PlatformReplies.Feishu(19021, "sign match fail or timestamp is not within one hour from current time");

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Contains("19021", result.Error);
    }

    [Fact]
    public async Task TheFrequencyLimitCodeIsRetryable()
    {
        _harness.Server.Responder = _ => PlatformReplies.Feishu(11232, "frequency limited");

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.True(result.Retryable);
    }

    [Fact]
    public async Task OlderBotsAnswerWithStatusCodeAndAreUnderstoodToo()
    {
        _harness.Server.Responder = _ => new CaptureReply(200, """{"Extra":null,"StatusCode":0,"StatusMessage":"success"}""");

        Assert.True((await _harness.SendAsync(Channel(), Samples.Shipped())).Delivered);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
