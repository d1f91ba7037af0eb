using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests;

/// <summary><c>user</c>, <c>apikey</c> and <c>audit-log</c> against a stub hub: the requests they make and what they print.</summary>
public sealed class AdminCommandTests
{
    private const string Key = "oak_k7_3xv9s3cr3tAbCdEf";

    private JsonNode? _sent;
    private string? _query;
    private string? _tenantHeader;

    [Fact]
    public async Task UserSetPutsTheRolesTenantsAndPasswordFromStdin()
    {
        await using StubHub hub = await UserHubAsync();

        CliRun run = await hub.RunAsync(new CliProcess { Stdin = "a long password\n" },
            "user", "set", "li", "--role", "viewer", "--role", "finance", "--tenant", "t1", "--tenant", "t2", "--password-stdin");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"password":"a long password","roles":["viewer","finance"],"tenants":["t1","t2"]}""", _sent!.ToJsonString());
        // Here --tenant is what the user is granted, not the tenant the request acts in.
        Assert.Null(_tenantHeader);
        Assert.Equal(("li", "viewer, finance", "t1, t2"), (run.Field("User 用户"), run.Field("Roles 角色"), run.Field("Tenants 租户")));
        Assert.DoesNotContain("a long password", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserSetAtATerminalAsksForTheNewPasswordTwice()
    {
        await using StubHub hub = await UserHubAsync();
        var keyboard = new ScriptedKeyboard("a long password", "a long password");

        CliRun run = await hub.RunAsync(new CliProcess { Keyboard = keyboard }, "user", "set", "li", "--role", "viewer", "--tenant", "t1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([("New password for li (Enter keeps the current one) 新密码:", true), ("Again 再输一次:", true)], keyboard.Asked);
        Assert.Equal("a long password", _sent!["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserSetWithTwoDifferentPasswordsIsExitCode2AndSendsNothing()
    {
        await using StubHub hub = await UserHubAsync();

        CliRun run = await hub.RunAsync(new CliProcess { Keyboard = new ScriptedKeyboard("a long password", "a long passwort") },
            "user", "set", "li", "--role", "viewer", "--tenant", "t1");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("the two passwords differ; nothing was changed.", run.Error, StringComparison.Ordinal);
        Assert.Null(_sent);
    }

    [Fact]
    public async Task UserSetWithoutAPasswordKeepsTheCurrentOne()
    {
        await using StubHub hub = await UserHubAsync();

        CliRun typed = await hub.RunAsync(new CliProcess { Keyboard = new ScriptedKeyboard("") }, "user", "set", "li", "--role", "viewer", "--tenant", "t1");
        JsonNode? fromTerminal = _sent;
        CliRun piped = await hub.RunAsync(new CliProcess(), "user", "set", "li", "--role", "viewer", "--tenant", "t1");

        Assert.True(typed.ExitCode == 0 && piped.ExitCode == 0, typed.ToString() + piped);
        Assert.Null(fromTerminal!["password"]);
        Assert.Null(_sent!["password"]);
    }

    [Fact]
    public async Task UserListIsATableOfUsersRolesAndTenants()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/users", () => Results.Json(new
        {
            items = new[]
            {
                new { user = "wang", roles = new[] { "operator" }, tenants = new[] { "t1" }, createdAt = DateTimeOffset.UtcNow },
                new { user = "admin", roles = new[] { "admin" }, tenants = new[] { "*" }, createdAt = DateTimeOffset.UtcNow },
            },
        })));

        CliRun run = await hub.RunAsync("user", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["admin", "wang"], run.OutputLines[1..].Select(l => l.Split(' ')[0]));
        Assert.Equal(["wang", "operator", "t1"], run.Row("wang")[..3]);
    }

    [Fact]
    public async Task ApikeyCreatePrintsTheKeyOnceWithTheWarning()
    {
        await using StubHub hub = await KeyHubAsync();

        CliRun run = await hub.RunAsync("apikey", "create", "--name", "taobao connector", "--role", "connector:taobao", "--tenant", "t1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"name":"taobao connector","roles":["connector:taobao"],"tenant":"t1"}""", _sent!.ToJsonString());
        Assert.Equal(("k7", Key), (run.Field("Key id 密钥编号"), run.Field("Key 密钥")));
        Assert.Contains("This key is not shown again", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApikeyCreateWithJsonPrintsTheServersJsonAndWarnsOnStderr()
    {
        await using StubHub hub = await KeyHubAsync();

        CliRun run = await hub.RunAsync("apikey", "create", "--name", "load test", "--role", "admin", "--tenant", "t1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Key, JsonNode.Parse(run.Output)!["key"]!.GetValue<string>());
        Assert.Contains("This key is not shown again", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApikeyListShowsEachKeyWithItsRevocation()
    {
        DateTimeOffset created = new(2026, 1, 20, 8, 0, 0, TimeSpan.Zero);
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/api-keys", () => Results.Json(new
        {
            items = new object[]
            {
                new { keyId = "k1", name = "jd connector", roles = new[] { "connector:jd" }, tenant = "t1", createdAt = created, revokedAt = created.AddHours(1) },
                new { keyId = "k2", name = "load test", roles = new[] { "admin" }, tenant = "t1", createdAt = created.AddHours(2), revokedAt = (DateTimeOffset?)null },
            },
        })));

        CliRun run = await hub.RunAsync("apikey", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["k1", "jd connector", "connector:jd", "t1", OrderActors.Cli.Output.Labels.Time(created), OrderActors.Cli.Output.Labels.Time(created.AddHours(1))],
            run.Row("k1"));
        Assert.Equal("-", run.Row("k2")[^1]);
    }

    [Fact]
    public async Task ApikeyRevokeDeletesTheKey()
    {
        string? deleted = null;
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapDelete("/api/v1/api-keys/{keyId}", (string keyId) =>
        {
            deleted = keyId;
            return Results.NoContent();
        }));

        CliRun run = await hub.RunAsync("apikey", "revoke", "k7");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("k7", deleted);
        Assert.Equal("Revoked k7.", run.OutputLines.Single());
    }

    [Fact]
    public async Task AuditLogPassesItsFiltersAndPrintsATable()
    {
        DateTimeOffset at = new(2026, 1, 20, 8, 0, 0, TimeSpan.Zero);
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/audit-log", (HttpRequest request) =>
        {
            _query = request.QueryString.Value;
            return Results.Json(new
            {
                items = new[] { new { at, actor = "user:wang", action = "breaker.trip", subject = "WH-HZ", result = "ok", status = 200 } },
                page = 2, pageSize = 1, total = 3,
            });
        }));

        CliRun run = await hub.RunAsync("audit-log", "--subject", "WH-HZ", "--actor", "user:wang", "--from", "2026-01-20T08:00:00+08:00", "--page", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("?subject=WH-HZ&actor=user%3Awang&from=2026-01-20T08%3A00%3A00.0000000%2B08%3A00&page=2", _query);
        Assert.Equal(["user:wang", "breaker.trip", "WH-HZ", "ok", "200"], run.Row(OrderActors.Cli.Output.Labels.Time(at))[1..]);
        Assert.Equal("Page 2/3 · 3 entries", run.OutputLines[^1]);
    }

    private Task<StubHub> UserHubAsync() => StubHub.StartAsync(routes => routes.MapPut("/api/v1/users/{user}", async (string user, HttpRequest request) =>
    {
        _sent = await JsonNode.ParseAsync(request.Body);
        _tenantHeader = request.Headers["X-Tenant"].FirstOrDefault();
        return Results.Json(new { user, roles = _sent!["roles"], tenants = _sent["tenants"] });
    }));

    private Task<StubHub> KeyHubAsync() => StubHub.StartAsync(routes => routes.MapPost("/api/v1/api-keys", async (HttpRequest request) =>
    {
        _sent = await JsonNode.ParseAsync(request.Body);
        return Results.Json(new { keyId = "k7", key = Key, name = _sent!["name"], roles = _sent["roles"], tenant = _sent["tenant"] }, statusCode: StatusCodes.Status201Created);
    }));
}
