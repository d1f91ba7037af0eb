using System.Net;

namespace OrderActors.Cli;

/// <summary>The exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran but what it checks is not fine: the audit found violations, or the silo is not ready.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line or the request was invalid (a usage error, or the server answered 400/413).</summary>
    public const int Usage = 2;

    public const int NotFound = 3;

    /// <summary>The server refused the change: an illegal transition, a concurrent update, a reused idempotency key.</summary>
    public const int Conflict = 4;

    /// <summary>
    /// The server could not be reached, timed out, or failed (5xx), answered something unreadable, or asked to be
    /// tried again later (429, with its Retry-After).
    /// </summary>
    public const int Unavailable = 5;

    /// <summary>
    /// Not allowed: no credential, or one the server refused — wrong password, expired or revoked token (401) — or a
    /// credential whose roles or tenants do not allow the request (403).
    /// </summary>
    public const int AccessDenied = 6;

    /// <summary>A fault in the CLI itself (EX_SOFTWARE).</summary>
    public const int Internal = 70;

    /// <summary>Interrupted with Ctrl+C, as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code for an error status from the server.</summary>
    public static int ForStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => NotFound,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => AccessDenied,
        HttpStatusCode.TooManyRequests => Unavailable,
        // 422: an idempotency key reused for a different request conflicts with the one that used it first.
        HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => Conflict,
        >= HttpStatusCode.InternalServerError => Unavailable,
        _ => Usage,
    };
}
