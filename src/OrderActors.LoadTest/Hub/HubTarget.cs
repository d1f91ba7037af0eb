using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Traffic;
using OrderActors.LoadTest.Traffic.Payloads;

namespace OrderActors.LoadTest.Hub;

/// <summary>
/// The hub as a traffic target: orders and re-posts go to POST /api/v1/channels/{channel}/orders and messages to
/// …/orders/{externalOrderId}/events, each in the platform's own shape and with the key of that channel's
/// connector, as the platform's connector would call it. A re-post carries its own idempotency key so it reaches
/// the hub's duplicate detection rather than the idempotency cache.
/// </summary>
public sealed class HubTarget(TenantClients clients) : ITrafficTarget
{
    public string Name => "orderactors";

    public async Task<TargetOutcome> SendAsync(TrafficRequest request, CancellationToken cancellationToken)
    {
        OrderPlan plan = request.Plan;
        IChannelPayloads payloads = ChannelPayloads.For(plan.Channel);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string channel = plan.Channel.ToRouteName();
        (string path, JsonNode body, int expected) = request.Kind switch
        {
            RequestKind.Order or RequestKind.Repost => ($"/api/v1/channels/{channel}/orders", payloads.Order(plan, now), 202),
            RequestKind.Pay => (EventsPath(channel, plan), payloads.Paid(plan, now), 200),
            _ => (EventsPath(channel, plan), payloads.Cancelled(plan, now), 200),
        };
        string key = $"lt-{request.Kind.ToString().ToLowerInvariant()}-{plan.OrderId}";
        try
        {
            HubResponse response = await clients.Connector(plan.Channel).SendAsync(HttpMethod.Post, path, body.ToJsonString(), key, cancellationToken);
            return Classify(response, expected);
        }
        catch (HttpRequestException exception)
        {
            return TargetOutcome.Failure($"unreachable: {exception.HttpRequestError}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TargetOutcome.Failure("timeout");
        }
    }

    /// <summary>Maps an HTTP answer onto an outcome: the expected success code, 409, 429, other 4xx, 5xx.</summary>
    internal static TargetOutcome Classify(HubResponse response, int expected)
    {
        JsonObject? body = response.Body as JsonObject;
        string? orderId = Text(body, "orderId");
        if (response.StatusCode == expected)
        {
            bool duplicate = body?["duplicate"]?.GetValue<bool>() ?? false;
            return new TargetOutcome(duplicate ? OutcomeKind.Duplicate : OutcomeKind.Accepted, response.StatusCode, orderId, Text(body, "status"));
        }
        OutcomeKind kind = response.StatusCode switch
        {
            409 => OutcomeKind.Conflict,
            429 => OutcomeKind.RateLimited,
            >= 400 and < 500 => OutcomeKind.Rejected,
            _ => OutcomeKind.Failed,
        };
        string detail = response.StatusCode == 429 && response.RetryAfter is { } retryAfter
            ? $"{response.Problem} (Retry-After {Math.Ceiling(retryAfter.TotalSeconds):0} s)"
            : response.Problem;
        return new TargetOutcome(kind, response.StatusCode, orderId, Text(body, "currentStatus"), detail);
    }

    /// <summary>A string field, or null: in a problem, "status" is the HTTP status as a number.</summary>
    private static string? Text(JsonObject? body, string name) =>
        body?[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string EventsPath(string channel, OrderPlan plan) =>
        $"/api/v1/channels/{channel}/orders/{Uri.EscapeDataString(plan.ExternalOrderId)}/events";
}
