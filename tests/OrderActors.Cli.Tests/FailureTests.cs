using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests;

/// <summary>Exit codes and messages when the command line is wrong, the server is gone, or what it checks is not fine.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task AnUnreachableServerIsExitCode5WithOneClearLine()
    {
        string server = $"http://127.0.0.1:{ClosedPort()}";

        CliRun run = await CliRun.InProcessAsync(CliConsoleKind.Redirected, "warehouse", "list", "--server", server);

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Equal("", run.Output);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"orderactors: cannot reach the server at {server}/ (connection refused)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingRequiredOptionIsExitCode2AndNamesIt()
    {
        CliRun run = await CliRun.InProcessAsync(CliConsoleKind.Redirected, "warehouse", "trip", "WH-HZ", "--server", $"http://127.0.0.1:{ClosedPort()}");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--reason", run.Error, StringComparison.Ordinal);
        Assert.Contains("see 'orderactors warehouse trip --help'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatIsNotAUrlIsExitCode2()
    {
        CliRun run = await CliRun.InProcessAsync(CliConsoleKind.Redirected, "health", "--server", "127.0.0.1:5080");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--server must be an http:// or https:// URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedAuditIsExitCode1AndListsTheViolations()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/audit", () => Results.Json(new
        {
            ok = false, checkedBuckets = 4, checkedOrders = 2, oversold = 1, negativeStock = 0,
            violations = new[] { new { kind = "oversold", subject = "WH-HZ/TEA-LONGJING#0", detail = "reserved 11 > on hand 10" } },
            at = DateTimeOffset.UtcNow,
        })));

        CliRun run = await hub.RunAsync("audit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("FAILED 未通过", run.Field("Audit 审计"));
        Assert.Equal(["oversold", "WH-HZ/TEA-LONGJING#0", "reserved 11 > on hand 10"], run.Row("oversold"));
    }

    [Fact]
    public async Task ASiloThatIsNotReadyIsExitCode1WithTheFailingCheck()
    {
        await using StubHub hub = await StubHub.StartAsync(routes =>
        {
            routes.MapGet("/healthz", () => Results.Json(new { status = "ok" }));
            routes.MapGet("/readyz", () => Results.Json(new
            {
                status = "Unhealthy",
                checks = new
                {
                    storage = new { status = "Unhealthy", description = "PostgreSQL unreachable", error = "Connection refused" },
                    cluster = new { status = "Healthy", description = "lone silo", error = (string?)null },
                },
            }, statusCode: StatusCodes.Status503ServiceUnavailable));
        });

        CliRun run = await hub.RunAsync("health");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("Unhealthy 未就绪", run.Field("Ready /readyz"));
        Assert.Equal(["storage", "Unhealthy", "PostgreSQL unreachable — Connection refused"], run.Row("storage"));
    }

    [Fact]
    public async Task AServerErrorIsExitCode5WithItsProblemDetail()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/warehouses", () => Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cluster unavailable", detail: "No silo owns warehouse grains right now.")));

        CliRun run = await hub.RunAsync("warehouse", "list");

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Equal(["orderactors: Cluster unavailable (503)", "  No silo owns warehouse grains right now."], run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task FieldErrorsOfARefusedRequestArePrintedAndItIsExitCode2()
    {
        await using StubHub hub = await StubHub.StartAsync(routes =>
        {
            routes.MapGet("/api/v1/inventory/{sku}", (string sku) => Results.Json(new { sku, warehouses = Array.Empty<object>(), totalAvailable = 0 }));
            routes.MapPut("/api/v1/inventory/{warehouseId}/{sku}", () => Results.ValidationProblem(
                new Dictionary<string, string[]> { ["onHand"] = ["onHand must be between 0 and 2147483647."] },
                title: "Invalid request", detail: "One or more fields are invalid."));
        });

        CliRun run = await hub.RunAsync("inventory", "set", "WH-HZ", "TEA-LONGJING", "--on-hand", "-1");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("  onHand: onHand must be between 0 and 2147483647.", run.Error.Split('\n'));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
