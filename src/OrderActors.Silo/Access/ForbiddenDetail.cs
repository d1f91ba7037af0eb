using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace OrderActors.Silo.Access;

/// <summary>A 403 names what was missing (the route's permission and the caller's roles), so the CLI and the UI can say why.</summary>
public sealed class ForbiddenDetail(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || HubPrincipal.Of(context.User) is not { } principal)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        string permission = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().LastOrDefault() ?? "this route";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = $"{principal.Name} ({string.Join(", ", principal.Roles)}) does not have permission '{permission}'.",
            },
        });
    }
}
