using System.Net;

namespace OrderActors.Cli.Http;

/// <summary>The server answered with an error status; <see cref="Problem"/> is its problem detail when it sent one.</summary>
public sealed class HubProblemException(HubResponse response, string request)
    : Exception($"{request} answered {(int)response.Status} {response.Status}")
{
    public HttpStatusCode Status { get; } = response.Status;

    /// <summary>"GET /api/v1/orders/x": what was asked, for messages that have no problem detail.</summary>
    public string Request { get; } = request;

    /// <summary>The response body as received, printed verbatim with --json.</summary>
    public string Body { get; } = response.Body;

    /// <summary>The Retry-After of a 429 (too many sign-in attempts, an intake rate limit) or a 503.</summary>
    public TimeSpan? RetryAfter { get; } = response.RetryAfter;

    public Problem? Problem { get; } = Problem.TryParse(response.Body);
}

/// <summary>The server could not be reached or did not answer in time.</summary>
public sealed class HubUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
