using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OrderActors.Silo.Api;

namespace OrderActors.Silo.Access;

/// <summary>A 403 names what was missing (the route's permission and the caller's roles), so the CLI and the UI can say why.</summary>
public sealed class ForbiddenDetail : IAuthorizationMiddlewareResultHandler
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
        await context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
            $"{principal.Name} ({string.Join(", ", principal.Roles)}) does not have permission '{permission}'.");
    }
}
