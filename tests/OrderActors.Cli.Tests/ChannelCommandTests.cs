using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests;

/// <summary><c>channel pull</c> and <c>channel pulls</c> against a stub hub that plays a catch-up's run from start to end.</summary>
public sealed class ChannelCommandTests
{
    [Fact]
    public async Task PullStartsACatchUpShowsItsProgressAndEndsWithTheSummary_Issue12()
    {
        JsonNode? sent = null;
        int polls = 0;
        await using StubHub hub = await StubHub.StartAsync(routes =>
        {
            routes.MapPost("/api/v1/channels/taobao/pull", async (HttpRequest request) =>
            {
                sent = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync());
                return Results.Json(Run("Running", slicesDone: 0, pages: 0, fetched: 0), statusCode: StatusCodes.Status202Accepted);
            });
            routes.MapGet("/api/v1/channels/taobao/pull/runs/r7", () => ++polls switch
            {
                1 => Results.Json(Run("Running", slicesDone: 1, pages: 2, fetched: 10, @new: 3, duplicates: 7)),
                _ => Results.Json(Run("Succeeded", slicesDone: 2, pages: 3, fetched: 12, @new: 4, duplicates: 8)),
            });
        });

        CliRun run = await hub.RunAsync("channel", "pull", "taobao", "--from", "2026-01-20T00:00:00+08:00", "--to", "2026-01-21T00:00:00+08:00");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("2026-01-20T00:00:00+08:00", sent!["from"]!.GetValue<string>());
        Assert.Equal("2026-01-21T00:00:00+08:00", sent["to"]!.GetValue<string>());
        Assert.Equal(
        [
            "r7 Running 拉取中 · slice 1/2 · 2 pages · 10 orders (3 new, 7 duplicates, 0 updated, 0 held, 0 errors)",
            "r7 Succeeded 成功 · slice 2/2 · 3 pages · 12 orders (4 new, 8 duplicates, 0 updated, 0 held, 0 errors)",
        ], run.OutputLines.Where(l => l.StartsWith("r7 ", StringComparison.Ordinal)));
        Assert.Equal("Succeeded 成功", run.Field("State 状态"));
        Assert.Equal(("12", "4", "8", "2/2"), (run.Field("Fetched 拉到"), run.Field("New 新增"), run.Field("Duplicates 重复"), run.Field("Slices 分段")));
    }

    [Fact]
    public async Task AFailedCatchUpPrintsItsErrorsAndExitsWith1()
    {
        await using StubHub hub = await StubHub.StartAsync(routes =>
        {
            routes.MapPost("/api/v1/channels/pdd/pull", () => Results.Json(Run("Running", 0, 0, 0), statusCode: StatusCodes.Status202Accepted));
            routes.MapGet("/api/v1/channels/pdd/pull/runs/r7", () => Results.Json(
                Run("Failed", slicesDone: 0, pages: 1, fetched: 5, errors: ["page 2 of 2026-01-20 00:00:00–2026-01-20 00:30:00 UTC: 503"])));
        });

        CliRun run = await hub.RunAsync("channel", "pull", "pdd", "--from", "2026-01-20T00:00:00Z", "--to", "2026-01-20T00:30:00Z");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("Failed 失败", run.Field("State 状态"));
        Assert.Contains(run.OutputLines, l => l.EndsWith("page 2 of 2026-01-20 00:00:00–2026-01-20 00:30:00 UTC: 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APullTheServerRefusesPrintsItsProblemAndExitsWith2()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapPost("/api/v1/channels/taobao/pull", () => Results.ValidationProblem(
            new Dictionary<string, string[]> { ["from"] = ["from must be before to."] })));

        CliRun run = await hub.RunAsync("channel", "pull", "taobao", "--from", "2026-01-21T00:00:00Z", "--to", "2026-01-20T00:00:00Z");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("from must be before to.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullsListsEveryChannelWithItsLastRunOrWhyItIsNotConfigured()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/channels/pulls", () => Results.Json(new object[]
        {
            new
            {
                channel = "taobao", configured = true, notConfigured = (string?)null, scheduled = true, interval = "00:05:00", overlap = "00:10:00",
                cursor = "2026-01-20T04:00:00Z", running = (object?)null, lastCatchUp = (object?)null,
                lastScheduled = Run("Failed", 1, 3, 11, @new: 2, duplicates: 9, errors: ["page 4: isv.invalid-signature"]),
            },
            new
            {
                channel = "jd", configured = false, notConfigured = "no Channels:jd:Pull:BaseUrl", scheduled = false, interval = "00:05:00",
                overlap = "00:10:00", cursor = (string?)null, running = (object?)null, lastScheduled = (object?)null, lastCatchUp = (object?)null,
            },
        })));

        CliRun run = await hub.RunAsync("channel", "pulls");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] taobao = run.Row("taobao");
        Assert.Equal(("every 00:05:00", "Failed 失败", "11", "2", "9", "1"), (taobao[1], taobao[4], taobao[5], taobao[6], taobao[7], taobao[8]));
        Assert.Equal("not configured 未配置", run.Row("jd")[1]);
        Assert.Contains("taobao: page 4: isv.invalid-signature", run.OutputLines);
    }

    private static object Run(string state, int slicesDone, int pages, int fetched, int @new = 0, int duplicates = 0, string[]? errors = null) => new
    {
        runId = "r7", kind = "CatchUp", state, from = "2026-01-19T16:00:00Z", to = "2026-01-20T16:00:00Z", startedAt = "2026-01-20T16:00:01Z",
        finishedAt = state == "Running" ? null : "2026-01-20T16:00:09Z", requestedBy = "operator:test", slices = 2, slicesDone, pages, fetched,
        @new, duplicates, held = 0, rejected = 0, errorCount = errors?.Length ?? 0,
        errors = (errors ?? []).Select(message => new { at = "2026-01-20T16:00:05Z", message }).ToArray(),
    };
}
