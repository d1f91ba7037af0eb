using OrderActors.Silo.Access;

namespace OrderActors.Silo.Api;

/// <summary>Who is acting, for order timelines: taken from the credential (<c>operator:{user}</c>, <c>key:{name}</c>, <c>platform:{channel}</c>).</summary>
public static class Operators
{
    public static string SourceOf(HttpContext context) => HubPrincipal.Of(context.User) switch
    {
        null => "operator",
        { Kind: HubPrincipal.UserKind } user => $"operator:{user.Name}",
        { } other => other.Name,
    };
}
