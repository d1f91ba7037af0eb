using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using Orleans;

namespace OrderActors.Silo.Tracking;

/// <summary>
/// <c>GET /t/{token}</c>: the buyer's tracking page. No login (the token is the credential), limited per client
/// address; <see cref="Access.SecurityHeaders"/> keeps it out of caches and cookies. Only a token the hub issued reaches a grain, so guessing cannot even wake one.
/// </summary>
public static class TrackingPage
{
    public const string Prefix = "/t";
    public const string RateLimit = "tracking";

    public static WebApplicationBuilder AddTrackingPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrackingOptions>()
            .Bind(builder.Configuration.GetSection(TrackingOptions.Section))
            .Validate(o => o.HasValidBase(), $"{TrackingOptions.Section}:PublicBaseUrl must be an absolute http(s) URL without query or fragment.")
            .Validate(o => o.PagesPerMinute > 0, $"{TrackingOptions.Section}:PagesPerMinute must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TrackingTokens>();
        builder.Services.AddSingleton<TrackingLinks>();
        builder.Services.AddRateLimiter(o => o.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IOptions<TrackingOptions>>().Value.PagesPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })));
        return builder;
    }

    public static IEndpointRouteBuilder MapTrackingPage(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Prefix}/{{token}}", GetAsync).WithTags("Tracking").AllowAnonymous().RequireRateLimiting(RateLimit)
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status404NotFound, contentType: "text/html");
        return app;
    }

    /// <summary>True for a request to a tracking page (its refusals are HTML for a phone, not problem details).</summary>
    public static bool Handles(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix);

    public static async Task<ContentHttpResult> GetAsync(string token, HttpContext context, TrackingTokens tokens, IGrainFactory grains)
    {
        if (!tokens.TryRead(token, out string tenant, out string orderId))
        {
            return Html(TrackingHtml.NotFound(), StatusCodes.Status404NotFound);
        }
        OrderRecord? order = await grains.GetGrain<IOrderGrain>(Keys.Order(tenant, orderId)).GetAsync();
        return order is null
            ? Html(TrackingHtml.NotFound(), StatusCodes.Status404NotFound)
            : Html(TrackingHtml.Page(TrackingView.From(order)), StatusCodes.Status200OK);
    }

    /// <summary>The 429 of <see cref="RateLimit"/>, as a page.</summary>
    public static Task TooManyAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(TrackingHtml.TooMany(), Encoding.UTF8);
    }

    private static ContentHttpResult Html(string html, int status) =>
        TypedResults.Content(html, "text/html", Encoding.UTF8, status);
}
