using System.Globalization;
using System.Text.Json;
using OrderActors.Notifications.Tests.Support;

namespace OrderActors.Notifications.Tests;

public sealed class WebhookSenderTests : IAsyncLifetime
{
    private const string Secret = "whsec-4f1c2a9e7b";
    private readonly SenderHarness _harness = new();

    private ChannelConfig Channel(string? secret = Secret) =>
        Samples.Channel(ChannelKind.Webhook, _harness.Server.Url("/hooks/orderactors"), secret);

    [Fact]
    public async Task TheBodyIsSignedWithTimestampDotBodyAsHexHmacSha256()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.True(result.Delivered);
        CapturedRequest request = Assert.Single(_harness.Server.Requests);
        string timestamp = request.Header("X-OrderActors-Timestamp")!;
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        string signature = request.Header("X-OrderActors-Signature")!;
        Assert.Matches("^[0-9a-f]{64}$", signature);
        Assert.Equal(SignatureChecks.Webhook(timestamp, request.Body, Secret), signature);
        Assert.Equal((true, "signature matches"), SignatureChecks.Verify(request, "webhook", Secret));
        Assert.False(SignatureChecks.Verify(request, "webhook", "another secret").Valid);
    }

    [Fact]
    public async Task TheBodyIsTheNotificationWithItsRenderingAndTheEventIsNamedInHeaders()
    {
        await _harness.SendAsync(Channel(), Samples.Shipped());

        CapturedRequest request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("order.shipped", request.Header("X-OrderActors-Event"));
        Assert.Equal("evt-000042", request.Header("X-OrderActors-Event-Id"));
        JsonElement body = request.Json();
        Assert.Equal("evt-000042", body.GetProperty("eventId").GetString());
        Assert.Equal("order.shipped", body.GetProperty("eventKind").GetString());
        Assert.Equal("订单 TB20240618001 已发货", body.GetProperty("subject").GetString());
        Assert.Equal("SF1234567890", body.GetProperty("fields").GetProperty("trackingNo").GetString());
        Assert.Equal(Samples.BuyerPhone, body.GetProperty("recipient").GetString());
        Assert.Equal("订单已发货", body.GetProperty("title").GetString());
        Assert.Equal(NotificationTemplates.Render(Samples.Shipped()).Text, body.GetProperty("text").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", body.GetProperty("sentAt").GetString());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task Any2xxIsDelivered(int status)
    {
        _harness.Server.Responder = _ => new CaptureReply(status, status == 204 ? "" : "accepted", ContentType: "text/plain");

        Assert.True((await _harness.SendAsync(Channel(), Samples.Shipped())).Delivered);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task A4xxIsPermanentAndSentOnce(int status)
    {
        _harness.Server.Responder = _ => new CaptureReply(status, """{"error":"no"}""");

        DeliveryResult result = await _harness.SendAsync(Channel(), Samples.Shipped());

        Assert.Equal(new DeliveryResult(false, false, status, $"HTTP {status}"), result);
        Assert.Single(_harness.Server.Requests);
    }

    [Fact]
    public async Task AWebhookWithoutASecretIsRefusedBeforeSending()
    {
        DeliveryResult result = await _harness.SendAsync(Channel(secret: null), Samples.Shipped());

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Empty(_harness.Server.Requests);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();
}
