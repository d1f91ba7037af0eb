using System.Text.Json;
using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

public sealed class WeComSenderTests : IAsyncLifetime
{
    private const string Key = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    private readonly SenderHarness _harness = new();

    private ChannelConfig Channel(string? messageType = null) => Samples.Channel(
        ChannelKind.WeCom,
        _harness.Server.Url($"{PlatformReplies.WeComPath}?key={Key}"),
        settings: messageType is null ? null : new Dictionary<string, string> { [ChannelSettings.MessageType] = messageType });

    [Fact]
    public async Task MarkdownIsPostedAsJsonToTheWebhookWithItsKey()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.Equal(new DeliveryResult(true, false, 200, null), result);
        CapturedRequest request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(PlatformReplies.WeComPath, request.Path);
        Assert.Equal(Key, request.Query["key"]);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        JsonElement body = request.Json();
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        Assert.Equal(NotificationTemplates.Render(Samples.Shipped()).Markdown, body.GetProperty("markdown").GetProperty("content").GetString());
        Assert.Equal(2, body.EnumerateObject().Count());
    }

    [Fact]
    public async Task TextModeSendsTheTitleAndTextAsContent()
    {
        await _harness.SendAsync(Channel("text"), Samples.BreakerTripped());

        JsonElement body = Assert.Single(_harness.Server.Requests).Json();
        Assert.Equal("text", body.GetProperty("msgtype").GetString());
        Assert.Equal("仓库熔断\n仓库 WH-HZ-01 已熔断，原因：拣货超时率 35%。已改派 128 单，无法改派 7 单。", body.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task ChineseAndMarkdownTravelAsThemselvesNotEscapes()
    {
        await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.Contains("\\n> 快递：顺丰速运", Assert.Single(_harness.Server.Requests).Body);
    }

    [Fact]
    public async Task AnErrcodeOtherThanZeroIsAPermanentFailure()
    {
        _harness.Server.Responder = _ => PlatformReplies.ErrCode(93000, "invalid webhook url");

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.Equal(new DeliveryResult(false, false, 200, "code 93000: invalid webhook url"), result);
        Assert.Single(_harness.Server.Requests);
    }

    [Theory]
    [InlineData(45009)]
    [InlineData(-1)]
    public async Task FrequencyLimitAndSystemBusyAreRetryable(int errcode)
    {
        _harness.Server.Responder = _ => PlatformReplies.ErrCode(errcode, "api freq out of limit");

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.False(result.Delivered);
        Assert.True(result.Retryable);
        Assert.Contains(errcode.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error);
    }

    [Fact]
    public async Task AReplyWithoutAnErrcodeIsNotTakenForSuccess()
    {
        _harness.Server.Responder = _ => new CaptureReply(200, "<html>portal</html>", ContentType: "text/html");

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
    }

    [Fact]
    public async Task MarkdownOverFourKilobytesIsCutOnACharacterBoundary()
    {
        var huge = new Notification("custom.report", "日报", Enumerable.Range(0, 60).ToDictionary(i => $"k{i:00}", _ => new string('汉', 150)), null);

        await _harness.SendAsync(Channel(), huge);

        string content = Assert.Single(_harness.Server.Requests).Json().GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(content) <= 4096);
        Assert.EndsWith("…", content);
    }

    [Fact]
    public async Task AChannelWithoutAUsableUrlFailsWithoutSending()
    {
        DeliveryResult result = await _harness.SendAsync(Samples.Channel(ChannelKind.WeCom, "not a url"), Samples.Shipped());

        Assert.False(result.Retryable);
        Assert.Empty(_harness.Server.Requests);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
