using System.Net;
using System.Globalization;
using OrderActors.Cli.Access;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>Prints what went wrong on the error stream, one readable block and never a stack trace.</summary>
public static class ProblemWriter
{
    public const string Prefix = "orderactors: ";

    /// <summary>
    /// The server's problem detail: title and status, the detail, the order's current status on an illegal
    /// transition, and every field error; then what to do about a 401 (sign in), a 403 (the roles) or a 429 (when to
    /// retry). With --json the body is printed as received instead.
    /// </summary>
    public static void Write(TextWriter error, HubProblemException failure, bool json, Credential credential)
    {
        if (json && failure.Body.Length > 0)
        {
            error.WriteLine(failure.Body);
            return;
        }
        Problem? problem = failure.Problem;
        error.WriteLine($"{Prefix}{problem?.Title ?? Reason(failure.Status)} ({(int)failure.Status})");
        // Without a detail the request itself says what was missing or refused.
        error.WriteLine($"  {(problem?.Detail is { Length: > 0 } detail ? detail : failure.Request)}");
        if (problem?.CurrentStatus is { Length: > 0 } current)
        {
            error.WriteLine($"  current status: {Labels.Status(current)}");
        }
        foreach ((string field, string[] messages) in problem?.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (string message in messages)
            {
                error.WriteLine($"  {field}: {message}");
            }
        }
        string? advice = failure.Status switch
        {
            HttpStatusCode.Unauthorized => credential.WhenRefused,
            HttpStatusCode.Forbidden => "your credential's roles or tenants do not allow this (orderactors whoami shows them); an admin grants them with orderactors user set.",
            _ => null,
        };
        if (advice is not null)
        {
            error.WriteLine($"  {advice}");
        }
        if (failure.RetryAfter is { } retryAfter)
        {
            error.WriteLine($"  try again in {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} s (Retry-After).");
        }
    }

    public static void Write(TextWriter error, string message) => error.WriteLine(Prefix + message);

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.UnprocessableEntity => "Unprocessable Entity",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        _ => status.ToString(),
    };
}
