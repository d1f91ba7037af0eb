using System.Text.Json.Nodes;
using OrderActors.Cli.Access;
using OrderActors.Cli.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Cli.Tests;

/// <summary>Signing in, roles and API keys end to end against the real silo, as an operator would use them.</summary>
[Collection(SiloCollection.Name)]
public sealed class AccessTests(SiloFixture silo) : IDisposable
{
    private const string ViewerPassword = "viewer password 1";

    private readonly ConfigHome _adminHome = new();
    private readonly ConfigHome _viewerHome = new();

    [PostgresFact]
    public async Task TheBootstrapAdminSignsInAndWhoamiShowsEveryTenant()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        await demo.SignInAsync(Admin, "admin", silo.Host.AdminPassword);
        CliRun whoami = await demo.RunAsync(Admin, "whoami");

        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Equal(("admin", "user 用户", "admin", "*", demo.Tenant), (whoami.Field("User 用户"), whoami.Field("Kind 类型"), whoami.Field("Roles 角色"),
            whoami.Field("Tenants 租户"), whoami.Field("Tenant 当前租户")));
        Assert.Contains("access.admin", whoami.Field("Permissions 权限"), StringComparison.Ordinal);
        Assert.Equal(OrderActors.Cli.Output.Labels.Time(_adminHome.Store.Load()!.ExpiresAt), whoami.Field("Expires 到期"));
        Assert.DoesNotContain(_adminHome.Store.Load()!.AccessToken, whoami.Output + whoami.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AViewerSetByTheAdminReadsButAWriteOrAnotherTenantIsExitCode6()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        await demo.SignInAsync(Admin, "admin", silo.Host.AdminPassword);
        string viewer = $"viewer-{Guid.NewGuid():N}"[..20];

        CliRun set = await demo.RunOnServerAsync(Admin with { Stdin = ViewerPassword }, "user", "set", viewer, "--role", "viewer", "--tenant", demo.Tenant, "--password-stdin");
        await demo.SignInAsync(Viewer, viewer, ViewerPassword);
        CliRun read = await demo.RunAsync(Viewer, "warehouse", "list");
        CliRun write = await demo.RunAsync(Viewer, "warehouse", "trip", "WH-HZ", "--reason", "test");
        CliRun users = await demo.RunOnServerAsync(Admin, "user", "list");
        CliRun otherTenant = await demo.RunOnServerAsync(Viewer, "warehouse", "list", "--tenant", "default");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal(("viewer", demo.Tenant), (set.Field("Roles 角色"), set.Field("Tenants 租户")));
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.True(write.ExitCode == 6, write.ToString());
        Assert.StartsWith("orderactors: Forbidden (403)", write.Error, StringComparison.Ordinal);
        Assert.Contains("roles or tenants do not allow this", write.Error, StringComparison.Ordinal);
        Assert.Equal("Closed", (await demo.GetAsync("/api/v1/warehouses/WH-HZ"))["breaker"]!["state"]!.GetValue<string>());
        Assert.Equal(["viewer", demo.Tenant], users.Row(viewer)[1..3]);
        Assert.True(otherTenant.ExitCode == 6, otherTenant.ToString());
        Assert.Contains("Your credential does not hold tenant 'default'.", otherTenant.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task WithoutACredentialABusinessCommandIsExitCode6AndSaysHowToSignIn()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunAsync(Viewer, "order", "list");

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Contains("not signed in: run orderactors login", run.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AnExpiredSignInIsNotSentAndSaysWhenItExpired()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        await demo.SignInAsync(Viewer, "admin", silo.Host.AdminPassword);
        StoredCredential stored = _viewerHome.Store.Load()!;
        DateTimeOffset expired = DateTimeOffset.UtcNow.AddMinutes(-1);
        _viewerHome.Store.Save(stored with { ExpiresAt = expired });

        CliRun run = await demo.RunAsync(Viewer, "warehouse", "list");

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Contains($"your sign-in expired at {OrderActors.Cli.Output.Labels.Time(expired)}: run orderactors login", run.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AnApiKeyWorksAsOrderactorsTokenUntilItIsRevoked()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        await demo.SignInAsync(Admin, "admin", silo.Host.AdminPassword);

        CliRun created = await demo.RunOnServerAsync(Admin, "apikey", "create", "--name", "cli test", "--role", "operator", "--tenant", demo.Tenant, "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        JsonNode key = JsonNode.Parse(created.Output)!;
        var machine = new CliProcess { Environment = new Dictionary<string, string?> { ["ORDERACTORS_TOKEN"] = key["key"]!.GetValue<string>() } };
        CliRun whoami = await demo.RunAsync(machine, "whoami");
        CliRun reset = await demo.RunAsync(machine, "warehouse", "reset", "WH-BJ");
        CliRun listed = await demo.RunOnServerAsync(Admin, "apikey", "list");
        CliRun revoked = await demo.RunOnServerAsync(Admin, "apikey", "revoke", key["keyId"]!.GetValue<string>());
        CliRun refused = await demo.RunAsync(machine, "warehouse", "list");

        Assert.Contains("This key is not shown again", created.Error, StringComparison.Ordinal);
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.Equal(("key:cli test", "API key 接口密钥", "ORDERACTORS_TOKEN"), (whoami.Field("User 用户"), whoami.Field("Kind 类型"), whoami.Field("Credential 凭据")));
        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.Equal(["cli test", "operator", demo.Tenant], listed.Row(key["keyId"]!.GetValue<string>())[1..4]);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.True(refused.ExitCode == 6, refused.ToString());
        Assert.Contains("the token in ORDERACTORS_TOKEN was refused", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key["key"]!.GetValue<string>(), refused.Output + refused.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task TheAuditLogShowsWhoChangedWhatAndWhatWasDenied()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        await demo.SignInAsync(Admin, "admin", silo.Host.AdminPassword);
        string viewer = $"viewer-{Guid.NewGuid():N}"[..20];
        await demo.CreateUserAsync(viewer, ViewerPassword, "viewer");
        await demo.SignInAsync(Viewer, viewer, ViewerPassword);
        Assert.Equal(6, (await demo.RunAsync(Viewer, "warehouse", "trip", "WH-SH", "--reason", "test")).ExitCode);
        Assert.Equal(0, (await demo.RunAsync(Admin, "warehouse", "trip", "WH-SH", "--reason", "test")).ExitCode);

        CliRun run = await demo.RunAsync(Admin, "audit-log", "--subject", "warehouse/WH-SH");
        CliRun json = await demo.RunAsync(Admin, "audit-log", "--subject", "warehouse/WH-SH", "--actor", viewer, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] rows = run.OutputLines[1..^1];
        Assert.Contains(rows, l => l.Contains($"  {viewer}  ", StringComparison.Ordinal) && l.Contains("denied", StringComparison.Ordinal) && l.EndsWith("403", StringComparison.Ordinal));
        Assert.Contains(rows, l => l.Contains("  admin  ", StringComparison.Ordinal) && l.Contains("  ok  ", StringComparison.Ordinal));
        JsonNode entry = Assert.Single(JsonNode.Parse(json.Output)!["items"]!.AsArray())!;
        Assert.Equal(("POST /api/v1/warehouses/{warehouseId}/breaker/trip", "denied"), (entry["action"]!.GetValue<string>(), entry["result"]!.GetValue<string>()));
    }

    private CliProcess Admin => new() { Environment = _adminHome.Environment };

    private CliProcess Viewer => new() { Environment = _viewerHome.Environment };

    public void Dispose()
    {
        _adminHome.Dispose();
        _viewerHome.Dispose();
    }
}
