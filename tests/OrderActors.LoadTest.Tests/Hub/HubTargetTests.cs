using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Tests.Support;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Tests.Hub;

public sealed class HubTargetTests
{
    [Theory]
    [InlineData(202, "{\"orderId\":\"jd-1\",\"status\":\"Paid\",\"duplicate\":false}", 202, OutcomeKind.Accepted)]
    [InlineData(202, "{\"orderId\":\"jd-1\",\"status\":\"Paid\",\"duplicate\":true}", 202, OutcomeKind.Duplicate)]
    [InlineData(200, "{\"orderId\":\"jd-1\",\"status\":\"Cancelled\"}", 200, OutcomeKind.Accepted)]
    [InlineData(409, "{\"detail\":\"order is Shipped\",\"currentStatus\":\"Shipped\"}", 200, OutcomeKind.Conflict)]
    [InlineData(409, "{\"status\":409,\"detail\":\"order is Shipped\",\"currentStatus\":\"Shipped\"}", 200, OutcomeKind.Conflict)]
    [InlineData(400, "{\"status\":400,\"errors\":{\"tid\":[\"missing\"]}}", 202, OutcomeKind.Rejected)]
    [InlineData(400, "{\"errors\":{\"tid\":[\"missing\"]}}", 202, OutcomeKind.Rejected)]
    [InlineData(404, "", 200, OutcomeKind.Rejected)]
    [InlineData(429, "{\"title\":\"Too many requests\",\"status\":429,\"detail\":\"Try again in 1 s.\"}", 202, OutcomeKind.RateLimited)]
    [InlineData(503, "", 202, OutcomeKind.Failed)]
    public void AnswersAreClassifiedByStatusCodeAndDuplicateFlag(int status, string body, int expected, OutcomeKind kind)
    {
        var response = new HubResponse(status, body.Length == 0 ? null : JsonNode.Parse(body));

        Assert.Equal(kind, HubTarget.Classify(response, expected).Kind);
    }

    [Fact]
    public void ARateLimitedAnswerSaysWhenToTryAgain()
    {
        var response = new HubResponse(429, JsonNode.Parse("{\"title\":\"Too many requests\",\"detail\":\"Try again in 2 s.\"}")) { RetryAfter = TimeSpan.FromSeconds(2) };

        TargetOutcome outcome = HubTarget.Classify(response, 202);

        Assert.Equal((OutcomeKind.RateLimited, 429, "HTTP 429: Try again in 2 s. (Retry-After 2 s)"), (outcome.Kind, outcome.StatusCode, outcome.Detail));
        Assert.False(outcome.Answered);
    }

    [Fact]
    public async Task OrdersGoToTheChannelRouteAndMessagesToTheOrdersEventsRouteEachWithItsOwnKeyAndTheChannelsConnectorKey()
    {
        var handler = new RecordingHandler((request, _) => request.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, "{\"status\":\"Paid\"}")
            : (HttpStatusCode.Accepted, "{\"orderId\":\"x\",\"duplicate\":false}"));
        using var client = new HubClient(new HubClientOptions([new Uri("http://hub")], "lt", 4, TimeSpan.FromSeconds(5)), handler);
        Dictionary<Channel, HubClient> connectors = Enum.GetValues<Channel>().ToDictionary(channel => channel, channel => client.As("lt", new BearerToken($"key-{channel.ToRouteName()}")));
        var target = new HubTarget(new TenantClients("lt", client.As("lt", new BearerToken("key-operator")), connectors));
        OrderPlan plan = GeneratedOrders.Plans(50).First(candidate => candidate.Channel == Channel.Taobao);

        foreach (RequestKind kind in Enum.GetValues<RequestKind>())
        {
            Assert.Equal(OutcomeKind.Accepted, (await target.SendAsync(new TrafficRequest(kind, plan), CancellationToken.None)).Kind);
        }

        string[] paths = handler.Requests.Select(item => item.Request.RequestUri!.AbsolutePath).ToArray();
        Assert.Equal("/api/v1/channels/taobao/orders", paths[0]);
        Assert.Equal(paths[0], paths[1]);
        Assert.Equal($"/api/v1/channels/taobao/orders/{plan.ExternalOrderId}/events", paths[2]);
        Assert.Equal(4, handler.Requests.Select(item => item.Request.Headers.GetValues("Idempotency-Key").Single()).Distinct().Count());
        Assert.Contains("taobao_trade_TradeBuyerPay", handler.Requests.ElementAt(2).Body);
        Assert.Contains("taobao_trade_TradeClose", handler.Requests.ElementAt(3).Body);
        Assert.All(handler.Requests, item => Assert.Equal("Bearer key-taobao", item.Request.Headers.Authorization?.ToString()));
    }
}
