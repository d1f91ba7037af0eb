using OrderActors.Cli.Access;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>Who is signed in. Tokens are never shown.</summary>
public static class AccessViews
{
    public static void SignedIn(IOutput output, Uri server, SignIn signIn, string path)
    {
        output.Fields(
        [
            new("Signed in 已登录", new Cell($"{signIn.User} at {StoredCredential.Key(server)}", Tone.Good)),
            new("Roles 角色", List(signIn.Roles)),
            new("Tenants 租户", List(signIn.Tenants)),
            new("Expires 到期", Labels.Time(signIn.ExpiresAt)),
            new("Stored in", path),
        ]);
    }

    public static void WhoAmI(IOutput output, Principal principal, Credential credential)
    {
        output.Fields(
        [
            new("User 用户", principal.User),
            new("Kind 类型", principal.Kind == "apiKey" ? "API key 接口密钥" : "user 用户"),
            new("Roles 角色", List(principal.Roles)),
            new("Tenants 租户", List(principal.Tenants)),
            new("Tenant 当前租户", principal.Tenant),
            new("Permissions 权限", List(principal.Permissions)),
            new("Expires 到期", credential.ExpiresAt is { } expiresAt
                ? Labels.Time(expiresAt)
                : new Cell(principal.Kind == "apiKey" ? "when revoked 吊销前有效" : "unknown", Tone.Muted)),
            new("Credential 凭据", credential.Source),
        ]);
    }

    private static string List(IReadOnlyList<string> values) => string.Join(", ", values);
}
