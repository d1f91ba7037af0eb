using OrderActors.Cli.Access;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Output;

/// <summary>Who is signed in, users, API keys and the audit trail. Tokens are never shown; a new API key is shown once, when it is created.</summary>
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
            new("Kind 类型", principal.Kind switch { "user" => "user 用户", "apiKey" => "API key 接口密钥", _ => principal.Kind }),
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

    public static void UserSaved(IOutput output, UserAccount user) =>
        output.Fields(
        [
            new("User 用户", new Cell(user.User, Tone.Good)),
            new("Roles 角色", List(user.Roles)),
            new("Tenants 租户", List(user.Tenants)),
        ]);

    public static void Users(IOutput output, UserList users)
    {
        if (users.Items.Count == 0)
        {
            output.Line("No users.", Tone.Muted);
            return;
        }
        output.Table(new TableView(
            ["User 用户", "Roles 角色", "Tenants 租户", "Created 创建时间"],
            users.Items.OrderBy(u => u.User, StringComparer.Ordinal).Select(u => (IReadOnlyList<Cell>)
                [u.User, List(u.Roles), List(u.Tenants), Labels.Time(u.CreatedAt)]).ToList()));
    }

    public static void KeyCreated(IOutput output, CreatedApiKey key)
    {
        output.Fields(
        [
            new("Key id 密钥编号", key.KeyId),
            new("Name 名称", key.Name),
            new("Roles 角色", List(key.Roles)),
            new("Tenant 租户", key.Tenant),
            new("Key 密钥", key.Key),
        ]);
        output.Line(ShownOnce, Tone.Warning);
    }

    /// <summary>The warning beside a new key: the server keeps only its hash.</summary>
    public const string ShownOnce = "This key is not shown again (the server keeps only its hash): store it now. Send it as ORDERACTORS_TOKEN or --token.";

    public static void Keys(IOutput output, ApiKeyList keys)
    {
        if (keys.Items.Count == 0)
        {
            output.Line("No API keys.", Tone.Muted);
            return;
        }
        output.Table(new TableView(
            ["Key id 密钥编号", "Name 名称", "Roles 角色", "Tenant 租户", "Created 创建时间", "Revoked 吊销时间"],
            keys.Items.OrderBy(k => k.CreatedAt).Select(k => (IReadOnlyList<Cell>)
            [
                new Cell(k.KeyId, k.RevokedAt is null ? Tone.Normal : Tone.Muted), k.Name, List(k.Roles), k.Tenant, Labels.Time(k.CreatedAt),
                k.RevokedAt is { } revokedAt ? new Cell(Labels.Time(revokedAt), Tone.Muted) : "",
            ]).ToList()));
    }

    public static void AuditLog(IOutput output, AuditLogPage page)
    {
        if (PageLines.Empty(output, page.Items.Count, page.Page, page.Total, "No audit entries match.", "entries"))
        {
            return;
        }
        output.Table(new TableView(
            ["Time 时间", "Actor 操作人", "Action 操作", "Subject 对象", "Result 结果", "Status"],
            page.Items.Select(e => (IReadOnlyList<Cell>)
            [
                Labels.Time(e.At), e.Actor, e.Action, e.Subject, new Cell(e.Result, e.Status >= 400 ? Tone.Bad : Tone.Normal),
                e.Status is { } status ? Labels.Number(status) : "",
            ]).ToList()));
        PageLines.Footer(output, page.Page, page.PageSize, page.Total, "entries");
    }

    private static string List(IReadOnlyList<string> values) => string.Join(", ", values);
}
