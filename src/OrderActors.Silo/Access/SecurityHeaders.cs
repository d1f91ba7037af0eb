using Microsoft.Net.Http.Headers;
using OrderActors.Silo.Tracking;

namespace OrderActors.Silo.Access;

/// <summary>
/// Headers for every answer: a Content-Security-Policy without inline script for the admin UI, no sniffing, no
/// framing, no referrer; API answers are not cached. The Orleans dashboard (its own inline script, admin only) is
/// served without the CSP. A buyer's tracking page is not cached or indexed either, and sets no cookie: this runs
/// first, so its callback runs after every other one (a session cookie renewed in passing, when an operator's
/// browser opens the link, is dropped too).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        IHeaderDictionary headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments("/orleans-dashboard"))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            headers.CacheControl = "no-store";
        }
        if (TrackingPage.Handles(context))
        {
            headers.CacheControl = "no-store";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Remove(HeaderNames.SetCookie);
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
