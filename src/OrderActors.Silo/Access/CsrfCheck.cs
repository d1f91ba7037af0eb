using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace OrderActors.Silo.Access;

/// <summary>
/// A call that changes state and is authenticated by the admin UI's cookie must carry the session's CSRF token in
/// <c>X-CSRF-Token</c> (from <c>GET /api/v1/auth/me</c>); otherwise 400 and nothing runs. Bearer calls cannot be
/// forged by another site, so they need none.
/// </summary>
public sealed class CsrfCheck(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public const string Header = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        bool safe = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
        if (!safe && context.User.Identity?.AuthenticationType == HubPrincipal.SessionAuthentication && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Missing or invalid CSRF token",
                    Detail = $"A call from the admin UI's session sends the token of GET /api/v1/auth/me in {Header}.",
                },
            });
            return;
        }
        await next(context);
    }
}
