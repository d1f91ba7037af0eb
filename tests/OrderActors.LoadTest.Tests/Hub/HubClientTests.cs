using System.Net;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Tests.Support;

namespace OrderActors.LoadTest.Tests.Hub;

public sealed class HubClientTests
{
    private static readonly Uri[] _silos = [new("http://silo-1:5081"), new("http://silo-2:5082"), new("http://silo-3:5083")];

    [Fact]
    public async Task CallsAreSpreadOverTheSilosAndCarryTheTenantAndTheIdempotencyKey()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.OK, "{}"));
        using var client = new HubClient(Options("lt-a"), handler);

        for (int i = 0; i < 6; i++)
        {
            await client.SendAsync(HttpMethod.Post, "/api/v1/x", "{}", $"key-{i}", CancellationToken.None);
        }

        Assert.Equal(6, handler.Requests.Count);
        Assert.Equal(3, handler.Requests.Select(item => item.Request.RequestUri!.Authority).Distinct().Count());
        Assert.All(handler.Requests, item => Assert.Equal("lt-a", item.Request.Headers.GetValues("X-Tenant").Single()));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"key-{i}"), handler.Requests.Select(item => item.Request.Headers.GetValues("Idempotency-Key").Single()));
    }

    [Fact]
    public async Task ACallToADeadSiloIsRetriedOnAnotherWithTheSameBodyAndKey()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.Accepted, "{\"duplicate\":false}"));
        handler.DownHosts["silo-2:5082"] = true;
        using var client = new HubClient(Options("lt-b"), handler);

        HubResponse[] answers = await Task.WhenAll(Enumerable.Range(0, 9).Select(i =>
            client.SendAsync(HttpMethod.Post, "/api/v1/channels/jd/orders", $"{{\"n\":{i}}}", $"k{i}", CancellationToken.None)));

        Assert.All(answers, answer => Assert.Equal(202, answer.StatusCode));
        Assert.True(client.Retries >= 1);
        Assert.Equal(0, client.Unreachable);
        foreach (IGrouping<string, (HttpRequestMessage Request, string Body)> attempts in handler.Requests.GroupBy(item => item.Request.Headers.GetValues("Idempotency-Key").Single()))
        {
            Assert.Single(attempts.Select(item => item.Body).Distinct());
            Assert.All(attempts.SkipLast(1), item => Assert.Equal("silo-2:5082", item.Request.RequestUri!.Authority));
            Assert.NotEqual("silo-2:5082", attempts.Last().Request.RequestUri!.Authority);
        }
    }

    [Fact]
    public async Task WhenNoSiloAnswersTheCallFailsAfterItsAttempts()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.OK, "{}"));
        foreach (Uri silo in _silos)
        {
            handler.DownHosts[silo.Authority] = true;
        }
        using var client = new HubClient(Options("lt-c") with { MaxAttempts = 3 }, handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/v1/dashboard", CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(1, client.Unreachable);
    }

    [Fact]
    public async Task AnAnswerIsNeverRetriedEvenAnError()
    {
        var handler = new RecordingHandler((_, _) => (HttpStatusCode.InternalServerError, "{\"title\":\"boom\",\"detail\":\"grain timeout\"}"));
        using var client = new HubClient(Options("lt-d"), handler);

        HubResponse response = await client.GetAsync("/api/v1/audit", CancellationToken.None);

        Assert.Single(handler.Requests);
        Assert.Equal("HTTP 500: grain timeout", response.Problem);
    }

    [Fact]
    public void BackoffGrowsAndIsCapped()
    {
        Assert.InRange(HubClient.Backoff(1).TotalMilliseconds, 25, 50);
        Assert.InRange(HubClient.Backoff(3).TotalMilliseconds, 100, 200);
        Assert.InRange(HubClient.Backoff(20).TotalMilliseconds, 500, 1000);
    }

    private static HubClientOptions Options(string tenant) => new(_silos, tenant, MaxConnections: 8, RequestTimeout: TimeSpan.FromSeconds(5));
}
