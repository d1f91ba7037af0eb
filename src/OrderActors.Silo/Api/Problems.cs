using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace OrderActors.Silo.Api;

/// <summary>A problem details answer written by middleware (outside a route handler's results), and Retry-After.</summary>
public static class Problems
{
    public static Task WriteProblemAsync(this HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    /// <summary>Sets Retry-After in whole seconds (at least 1) and answers them.</summary>
    public static int SetRetryAfter(this HttpContext context, TimeSpan retryAfter)
    {
        int seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>GET, HEAD and OPTIONS: the methods that change nothing (no audit entry, no CSRF check).</summary>
    public static bool IsSafe(this HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
}
