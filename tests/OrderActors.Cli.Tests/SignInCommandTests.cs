using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderActors.Cli.Access;
using OrderActors.Cli.Output;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests;

/// <summary><c>login</c>, <c>logout</c> and <c>whoami</c> against a stub hub: what is sent, kept and printed, and what never is.</summary>
public sealed class SignInCommandTests : IDisposable
{
    private const string AccessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3YW5nIn0.c2lnbmF0dXJl";
    private const string Password = "correct horse battery";
    private static readonly DateTimeOffset ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(60);

    private readonly ConfigHome _home = new();
    private JsonNode? _sent;

    [Fact]
    public async Task LoginWithPasswordStdinKeepsTheTokenForThisServerAndPrintsNeitherSecret()
    {
        await using StubHub hub = await LoginHubAsync();

        CliRun run = await hub.RunAsync(Process(stdin: Password + "\n"), "login", "--user", "wang", "--password-stdin");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("wang", Password), (_sent!["user"]!.GetValue<string>(), _sent["password"]!.GetValue<string>()));
        Assert.Equal(new StoredCredential(StoredCredential.Key(hub.Address), "wang", AccessToken, ExpiresAt), _home.Store.Load());
        Assert.Equal(($"wang at {StoredCredential.Key(hub.Address)}", "viewer", "t1, t2", Labels.Time(ExpiresAt), _home.CredentialsFile),
            (run.Field("Signed in 已登录"), run.Field("Roles 角色"), run.Field("Tenants 租户"), run.Field("Expires 到期"), run.Field("Stored in")));
        AssertNoSecret(run);
    }

    [Fact]
    public async Task LoginAtATerminalAsksForTheUserAndThePasswordWithoutEcho()
    {
        await using StubHub hub = await LoginHubAsync();
        var keyboard = new ScriptedKeyboard("wang", Password);

        CliRun run = await hub.RunAsync(Process(keyboard: keyboard), "login");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([("User 用户:", false), ("Password for wang 密码:", true)], keyboard.Asked);
        Assert.Equal(Password, _sent!["password"]!.GetValue<string>());
        AssertNoSecret(run);
    }

    [Fact]
    public async Task LoginWithJsonPrintsTheServersAnswerWithoutTheToken()
    {
        await using StubHub hub = await LoginHubAsync();

        CliRun run = await hub.RunAsync(Process(stdin: Password), "login", "--user", "wang", "--password-stdin", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        JsonObject shown = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Equal(["user", "expiresAt", "roles", "tenants"], shown.Select(p => p.Key));
        AssertNoSecret(run);
    }

    [Fact]
    public async Task LoginWithoutATerminalOrPasswordStdinIsExitCode2AndSendsNothing()
    {
        await using StubHub hub = await LoginHubAsync();

        CliRun run = await hub.RunAsync(Process(), "login", "--user", "wang");
        CliRun noUser = await hub.RunAsync(Process(stdin: Password), "login", "--password-stdin");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("pipe it in with --password-stdin", run.Error, StringComparison.Ordinal);
        Assert.True(noUser.ExitCode == 2, noUser.ToString());
        Assert.Contains("--user is needed", noUser.Error, StringComparison.Ordinal);
        Assert.Null(_sent);
        Assert.Null(_home.Store.Load());
    }

    [Fact]
    public async Task AWrongPasswordIsExitCode6WithTheServersWordsAndKeepsTheOldSignIn()
    {
        var old = new StoredCredential("http://127.0.0.1:1/", "li", "old-token", ExpiresAt);
        _home.Store.Save(old);
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapPost("/api/v1/auth/login", () => Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "Wrong user or password.")));

        CliRun run = await hub.RunAsync(Process(stdin: "wrong password"), "login", "--user", "wang", "--password-stdin");

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Equal(["orderactors: Sign-in failed (401)", "  Wrong user or password."], run.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal(old, _home.Store.Load());
    }

    [Fact]
    public async Task TooManyAttemptsIsExitCode5AndSaysWhenToTryAgain()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapPost("/api/v1/auth/login", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "42";
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts", detail: "Wait before trying again.");
        }));

        CliRun run = await hub.RunAsync(Process(stdin: Password), "login", "--user", "wang", "--password-stdin");

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Equal(["orderactors: Too many sign-in attempts (429)", "  Wait before trying again.", "  try again in 42 s (Retry-After)."],
            run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task LoginWhileOrderactorsTokenIsSetSaysThatTheVariableIsSentInstead()
    {
        await using StubHub hub = await LoginHubAsync();
        Dictionary<string, string?> environment = _home.Environment;
        environment["ORDERACTORS_TOKEN"] = "oak_k1_s3cr3t";

        CliRun run = await hub.RunAsync(new CliProcess { Environment = environment, Stdin = Password }, "login", "--user", "wang", "--password-stdin");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("orderactors: note: ORDERACTORS_TOKEN is sent instead of this sign-in while it is set.", run.Error.TrimEnd('\n'));
    }

    [Fact]
    public async Task TheKeptSignInIsSentAsTheBearerAndWhoamiShowsItsExpiry()
    {
        string? authorization = null;
        await using StubHub hub = await LoginHubAsync(routes => routes.MapGet("/api/v1/auth/me", (HttpRequest request) =>
        {
            authorization = request.Headers.Authorization;
            return Results.Json(new
            {
                user = "wang", kind = "user", roles = new[] { "viewer" }, tenants = new[] { "t1", "t2" }, tenant = "t1",
                permissions = new[] { "read" }, csrfToken = (string?)null,
            });
        }));
        Assert.Equal(0, (await hub.RunAsync(Process(stdin: Password), "login", "--user", "wang", "--password-stdin")).ExitCode);

        CliRun run = await hub.RunAsync(Process(), "whoami");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"Bearer {AccessToken}", authorization);
        Assert.Equal(("wang", "user 用户", "viewer", "t1, t2", "t1", "read", Labels.Time(ExpiresAt), "orderactors login as wang"),
            (run.Field("User 用户"), run.Field("Kind 类型"), run.Field("Roles 角色"), run.Field("Tenants 租户"), run.Field("Tenant 当前租户"),
                run.Field("Permissions 权限"), run.Field("Expires 到期"), run.Field("Credential 凭据")));
        AssertNoSecret(run);
    }

    [Fact]
    public async Task LogoutRemovesTheKeptSignIn()
    {
        _home.Store.Save(new StoredCredential("http://127.0.0.1:5080/", "wang", AccessToken, ExpiresAt));

        CliRun run = await CliRun.InProcessAsync(Process(), "logout");
        CliRun again = await CliRun.InProcessAsync(Process(), "logout");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"Signed out of http://127.0.0.1:5080/ as wang: removed {_home.CredentialsFile}.", run.OutputLines.Single());
        Assert.False(File.Exists(_home.CredentialsFile));
        Assert.Equal((0, $"Not signed in (no {_home.CredentialsFile})."), (again.ExitCode, again.OutputLines.Single()));
    }

    private CliProcess Process(string? stdin = null, IPrompt? keyboard = null) =>
        new() { Environment = _home.Environment, Stdin = stdin, Keyboard = keyboard };

    private Task<StubHub> LoginHubAsync(Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder>? more = null) =>
        StubHub.StartAsync(routes =>
        {
            routes.MapPost("/api/v1/auth/login", async (HttpRequest request) =>
            {
                _sent = await JsonNode.ParseAsync(request.Body);
                return Results.Json(new
                {
                    user = "wang", accessToken = AccessToken, expiresAt = ExpiresAt, roles = new[] { "viewer" }, tenants = new[] { "t1", "t2" },
                });
            });
            more?.Invoke(routes);
        });

    private static void AssertNoSecret(CliRun run)
    {
        Assert.DoesNotContain(AccessToken, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Output + run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _home.Dispose();
}
