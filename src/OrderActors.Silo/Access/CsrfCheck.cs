using Microsoft.AspNetCore.Antiforgery;
using OrderActors.Silo.Api;

namespace OrderActors.Silo.Access;

/// <summary>
/// A call that changes state and is authenticated by the admin UI's cookie must carry the session's CSRF token in
/// <c>X-CSRF-Token</c> (from <c>GET /api/v1/auth/me</c>); otherwise 400 and nothing runs. Bearer calls cannot be
/// forged by another site, so they need none.
/// </summary>
public sealed class CsrfCheck(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Header = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        // The sign-in routes take no credential, so a browser that still has a session cookie may sign in again.
        bool anonymous = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
        if (!context.Request.IsSafe() && !anonymous && context.User.Identity?.AuthenticationType == HubPrincipal.SessionAuthentication
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await context.WriteProblemAsync(StatusCodes.Status400BadRequest, "Missing or invalid CSRF token",
                $"A call from the admin UI's session sends the token of GET /api/v1/auth/me in {Header}.");
            return;
        }
        await next(context);
    }
}
