using System.Globalization;
using System.Text.Json;
using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

public sealed class DingTalkSenderTests : IAsyncLifetime
{
    private const string Token = "98975521a1b23c02cdd1a9a08c69511ddf5fa9d2ae387813d1c5348fb";
    private const string Secret = "SEC19dd84be8c7f3cf71761974f1ed3ef77c1451906ae8ba18acf56103ee";
    private readonly SenderHarness _harness = new();

    private ChannelConfig Channel(string? secret = Secret, string? messageType = null) => Samples.Channel(
        ChannelKind.DingTalk,
        _harness.Server.Url($"{PlatformReplies.DingTalkPath}?access_token={Token}"),
        secret,
        messageType is null ? null : new Dictionary<string, string> { [ChannelSettings.MessageType] = messageType });

    [Fact]
    public async Task TheUrlKeepsItsTokenAndGainsATimestampInMillisecondsAndItsSign()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.BreakerTripped());

        Assert.True(result.Delivered);
        CapturedRequest request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(PlatformReplies.DingTalkPath, request.Path);
        Assert.Equal(Token, request.Query["access_token"]);
        string timestamp = request.Query["timestamp"];
        long milliseconds = long.Parse(timestamp, CultureInfo.InvariantCulture);
        Assert.InRange(milliseconds, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1);
        Assert.Equal(SignatureChecks.DingTalk(timestamp, Secret), request.Query["sign"]);
    }

    [Fact]
    public async Task TheSignIsUrlEncodedSoItsPlusAndSlashSurvive()
    {
        for (int i = 0; i < 6; i++)
        {
            await _harness.SendAsync(Channel(), Samples.BreakerTripped());
            await Task.Delay(3);
        }

        Assert.All(_harness.Server.Requests, r =>
        {
            string rawSign = r.RawQuery.Split('&').Single(p => p.StartsWith("sign=", StringComparison.Ordinal))[5..];
            Assert.DoesNotContain('+', rawSign);
            Assert.DoesNotContain('/', rawSign);
            Assert.Equal(SignatureChecks.DingTalk(r.Query["timestamp"], Secret), Uri.UnescapeDataString(rawSign));
        });
    }

    [Fact]
    public async Task MarkdownCarriesTitleAndTextWithHardLineBreaks()
    {
        await _harness.SendAsync(Channel(), Samples.BreakerTripped());

        JsonElement body = Assert.Single(_harness.Server.Requests).Json();
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        Assert.Equal("仓库熔断", body.GetProperty("markdown").GetProperty("title").GetString());
        Assert.Equal(
            "### 仓库熔断  \n> 仓库：WH-HZ-01  \n> 原因：拣货超时率 35%  \n> 已改派：128 单  \n> 无法改派：**7** 单",
            body.GetProperty("markdown").GetProperty("text").GetString());
    }

    [Fact]
    public async Task TextModeAndAnUnsignedRobot()
    {
        await _harness.SendAsync(Channel(secret: null, messageType: "text"), Samples.Shipped());

        CapturedRequest request = Assert.Single(_harness.Server.Requests);
        Assert.False(request.Query.ContainsKey("sign"));
        Assert.False(request.Query.ContainsKey("timestamp"));
        JsonElement body = request.Json();
        Assert.Equal("text", body.GetProperty("msgtype").GetString());
        Assert.StartsWith("订单已发货\n订单 TB20240618001", body.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task KeywordOrSignMismatchIsPermanent()
    {
        _harness.Server.Responder = _ => PlatformReplies.ErrCode(310000, "sign not match");

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Contains("310000", result.Error);
    }

    [Theory]
    [InlineData(130101)]
    [InlineData(410100)]
    public async Task SendingTooFastIsRetryable(int errcode)
    {
        _harness.Server.Responder = _ => PlatformReplies.ErrCode(errcode, "send too fast");

        Assert.True((await _harness.SendAsync(Channel(), Samples.Shipped())).Retryable);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
