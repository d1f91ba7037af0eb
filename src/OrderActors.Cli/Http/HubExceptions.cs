using System.Net;

namespace OrderActors.Cli.Http;

/// <summary>The server answered with an error status; <see cref="Problem"/> is its problem detail when it sent one.</summary>
public sealed class HubProblemException(HttpStatusCode status, string request, string body)
    : Exception($"{request} answered {(int)status} {status}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>"GET /api/v1/orders/x": what was asked, for messages that have no problem detail.</summary>
    public string Request { get; } = request;

    /// <summary>The response body as received, printed verbatim with --json.</summary>
    public string Body { get; } = body;

    public Problem? Problem { get; } = Problem.TryParse(body);
}

/// <summary>The server could not be reached or did not answer in time.</summary>
public sealed class HubUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
