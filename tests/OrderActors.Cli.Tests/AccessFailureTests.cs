using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests;

/// <summary>Exit code 6 for 401 and 403, with what to do about it, and a credential that never shows in what is printed.</summary>
public sealed class AccessFailureTests : IDisposable
{
    private const string Token = "oak_k7_3xv9s3cr3t";

    private readonly ConfigHome _home = new();

    [Fact]
    public async Task WithoutACredentialA401IsExitCode6AndSaysHowToSignIn()
    {
        string? authorization = "unset";
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/warehouses", (HttpRequest request) =>
        {
            authorization = request.Headers.Authorization.FirstOrDefault();
            return Unauthorized();
        }));

        CliRun run = await hub.RunAsync(new CliProcess { Environment = _home.Environment }, "warehouse", "list");

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Null(authorization);
        Assert.Equal(
        [
            "orderactors: Unauthorized (401)", "  A credential is required.",
            "  not signed in: run orderactors login (or pass --token, or set ORDERACTORS_TOKEN).",
        ], run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task ARefusedTokenOptionIsExitCode6AndIsNamedButNotShown()
    {
        string? authorization = null;
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapPost("/api/v1/warehouses/{id}/breaker/reset", (HttpRequest request) =>
        {
            authorization = request.Headers.Authorization;
            return Unauthorized();
        }));

        CliRun run = await hub.RunAsync(new CliProcess { Environment = _home.Environment }, "warehouse", "reset", "WH-HZ", "--token", Token);

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Equal($"Bearer {Token}", authorization);
        Assert.Contains("  the token given with --token was refused: it has expired, was revoked, or is not for this server.", run.Error.Split('\n'));
        Assert.DoesNotContain(Token, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedEnvironmentTokenIsExitCode6AndSaysToUnsetIt()
    {
        string? authorization = null;
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/warehouses", (HttpRequest request) =>
        {
            authorization = request.Headers.Authorization;
            return Unauthorized();
        }));
        Dictionary<string, string?> environment = _home.Environment;
        environment["ORDERACTORS_TOKEN"] = Token;

        CliRun run = await hub.RunAsync(new CliProcess { Environment = environment }, "warehouse", "list");

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Equal($"Bearer {Token}", authorization);
        Assert.Contains("unset it to use orderactors login", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A403IsExitCode6WithTheServersDetailAndWhereToLookAtTheRoles()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapPost("/api/v1/warehouses/{id}/breaker/trip", () => Results.Problem(
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Role viewer may not breakers.write.")));

        CliRun run = await hub.RunAsync(new CliProcess { Environment = _home.Environment }, "warehouse", "trip", "WH-HZ", "--reason", "test", "--token", Token);

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Equal(
        [
            "orderactors: Forbidden (403)", "  Role viewer may not breakers.write.",
            "  your credential's roles or tenants do not allow this (orderactors whoami shows them); an admin grants them with orderactors user set.",
        ], run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task WithJsonA401IsTheServersBodyAlone()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/warehouses", Unauthorized));

        CliRun run = await hub.RunAsync(new CliProcess { Environment = _home.Environment }, "warehouse", "list", "--json");

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.StartsWith("{", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("orderactors login", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangesSendNoOperatorHeaderTheServerTakesTheActorFromTheCredential()
    {
        HashSet<string>? headers = null;
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapPost("/api/v1/warehouses/{id}/breaker/reset", (HttpRequest request) =>
        {
            headers = request.Headers.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return Results.Json(new { state = "Closed" });
        }));

        CliRun run = await hub.RunAsync(new CliProcess { Environment = _home.Environment }, "warehouse", "reset", "WH-HZ", "--token", Token);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotNull(headers);
        Assert.DoesNotContain("X-Operator", headers);
        Assert.Contains("Idempotency-Key", headers);
    }

    private static IResult Unauthorized() => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "A credential is required.");

    public void Dispose() => _home.Dispose();
}
