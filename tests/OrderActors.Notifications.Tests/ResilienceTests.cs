using System.Diagnostics;
using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

/// <summary>The senders' HTTP pipeline: quick in-request retries for transient failures, per-attempt timeouts, and
/// what the outbox is told when they run out.</summary>
public sealed class ResilienceTests
{
    private static ChannelConfig WeCom(CaptureServer server) =>
        Samples.Channel(ChannelKind.WeCom, server.Url(PlatformReplies.WeComPath + "?key=k-123456"));

    private static ChannelConfig Sms(CaptureServer server) => Samples.Channel(ChannelKind.Sms, server.Url("/"), "sms-secret-000", new Dictionary<string, string>
    {
        [ChannelSettings.SignName] = "好物小店",
        [ChannelSettings.AccessKeyId] = "LTAI-id",
        [ChannelSettings.Template(EventKinds.OrderShipped)] = "SMS_1",
    });

    /// <summary>Answers <paramref name="status"/> to the first <paramref name="failures"/> requests, then as the platform.</summary>
    private static Func<CapturedRequest, CaptureReply> FailFirst(int failures, int status = 500) =>
        r => r.Sequence <= failures ? new CaptureReply(status, """{"errcode":-1,"errmsg":"system busy"}""") : PlatformReplies.Success(r);

    [Fact]
    public async Task A500ThenA200IsDeliveredWithinOneSend()
    {
        await using var harness = new SenderHarness();
        harness.Server.Responder = FailFirst(1);

        DeliveryResult result = await harness.SendAsync(WeCom(harness.Server), Samples.Shipped());

        Assert.True(result.Delivered);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Equal(harness.Server.Requests[0].Body, harness.Server.Requests[1].Body);
    }

    [Fact]
    public async Task ARetriedSignedRequestIsResentUnchanged()
    {
        await using var harness = new SenderHarness();
        harness.Server.Responder = FailFirst(1, 502);
        ChannelConfig feishu = Samples.Channel(ChannelKind.Feishu, harness.Server.Url(PlatformReplies.FeishuPath + "hook-abcdef12"), "feishu-secret");

        DeliveryResult result = await harness.SendAsync(feishu, Samples.Shipped());

        Assert.True(result.Delivered);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Equal(harness.Server.Requests[0].Body, harness.Server.Requests[1].Body);
        Assert.True(SignatureChecks.Verify(harness.Server.Requests[1], "feishu", "feishu-secret").Valid);
    }

    [Fact]
    public async Task Persistent5xxUsesUpTheRetriesAndIsRetryableForTheOutbox()
    {
        await using var harness = new SenderHarness(o => o.InRequestRetries = 2);
        harness.Server.Responder = _ => new CaptureReply(503, "busy", ContentType: "text/plain");

        DeliveryResult result = await harness.SendAsync(WeCom(harness.Server), Samples.Shipped());

        Assert.Equal(new DeliveryResult(false, true, 503, "HTTP 503"), result);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A5xxKeepsThePlatformsWordsInTheError()
    {
        await using var harness = new SenderHarness(o => o.InRequestRetries = 0);
        harness.Server.Responder = _ => new CaptureReply(500, """{"errcode":-1,"errmsg":"system busy"}""");

        DeliveryResult result = await harness.SendAsync(WeCom(harness.Server), Samples.Shipped());

        Assert.True(result.Retryable);
        Assert.Equal("HTTP 500, code -1: system busy", result.Error);
    }

    [Fact]
    public async Task A429IsNotHammeredWithinTheSendButLeftToTheOutbox()
    {
        await using var harness = new SenderHarness();
        harness.Server.Responder = _ => new CaptureReply(429, """{"errcode":45009,"errmsg":"api freq out of limit"}""");

        DeliveryResult result = await harness.SendAsync(WeCom(harness.Server), Samples.Shipped());

        Assert.True(result.Retryable);
        Assert.Equal(429, result.HttpStatus);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A4xxIsNeitherRetriedNorRetryable()
    {
        await using var harness = new SenderHarness();
        harness.Server.Responder = _ => new CaptureReply(400, """{"errcode":40008,"errmsg":"invalid message type"}""");

        DeliveryResult result = await harness.SendAsync(WeCom(harness.Server), Samples.Shipped());

        Assert.False(result.Retryable);
        Assert.Equal(400, result.HttpStatus);
        Assert.Contains("40008", result.Error);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task ASlowPlatformTimesOutPerAttemptAndTheResultIsRetryable()
    {
        await using var harness = new SenderHarness(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.InRequestRetries = 1;
        });
        harness.Server.Responder = r => PlatformReplies.Success(r) with { Delay = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();

        DeliveryResult result = await harness.SendAsync(WeCom(harness.Server), Samples.Shipped());

        Assert.Equal(new DeliveryResult(false, true, null, "timed out"), result);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        await Eventually.TrueAsync(() => harness.Server.Requests.Count == 2);
    }

    [Fact]
    public async Task TheTotalTimeoutBoundsASendWhateverTheRetries()
    {
        await using var harness = new SenderHarness(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            o.TotalTimeout = TimeSpan.FromMilliseconds(600);
            o.InRequestRetries = 5;
        });
        harness.Server.Responder = r => PlatformReplies.Success(r) with { Delay = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();

        DeliveryResult result = await harness.SendAsync(WeCom(harness.Server), Samples.Shipped());

        Assert.True(result.Retryable);
        Assert.Equal("timed out", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.True(harness.Server.Requests.Count <= 2);
    }

    [Fact]
    public async Task NobodyListeningIsARetryableNetworkError()
    {
        await using var harness = new SenderHarness(o => o.InRequestRetries = 1);
        ChannelConfig closed = Samples.Channel(ChannelKind.WeCom, $"http://127.0.0.1:{CaptureServer.FreePort()}/cgi-bin/webhook/send?key=k-123456");

        DeliveryResult result = await harness.SendAsync(closed, Samples.Shipped());

        Assert.False(result.Delivered);
        Assert.True(result.Retryable);
        Assert.Null(result.HttpStatus);
        Assert.StartsWith("network error", result.Error);
    }

    [Fact]
    public async Task SmsIsNotResentWithinASendAfterA500ItMayHaveActedOn()
    {
        await using var harness = new SenderHarness(o => o.SmsInRequestRetries = 2);
        harness.Server.Responder = FailFirst(1);

        DeliveryResult result = await harness.SendAsync(Sms(harness.Server), Samples.Shipped());

        Assert.True(result.Retryable);
        Assert.Equal(500, result.HttpStatus);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SmsIsResentAfterA503ThatRefusedItWhole()
    {
        await using var harness = new SenderHarness(o => o.SmsInRequestRetries = 2);
        harness.Server.Responder = FailFirst(1, 503);

        DeliveryResult result = await harness.SendAsync(Sms(harness.Server), Samples.Shipped());

        Assert.True(result.Delivered);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SmsIsNotResentWithinASendAfterATimeout()
    {
        await using var harness = new SenderHarness(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.SmsInRequestRetries = 2;
        });
        harness.Server.Responder = r => PlatformReplies.Success(r) with { Delay = TimeSpan.FromSeconds(3) };

        DeliveryResult result = await harness.SendAsync(Sms(harness.Server), Samples.Shipped());

        Assert.Equal("timed out", result.Error);
        Assert.True(result.Retryable);
        await Task.Delay(200);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotTurnedIntoAResult()
    {
        await using var harness = new SenderHarness();
        harness.Server.Responder = r => PlatformReplies.Success(r) with { Delay = TimeSpan.FromSeconds(5) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Sender.SendAsync(WeCom(harness.Server), Samples.Shipped(), cancel.Token));
    }
}
