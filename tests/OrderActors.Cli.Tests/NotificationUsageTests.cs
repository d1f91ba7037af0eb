using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests;

/// <summary>
/// <c>notification …</c> against a stub hub (issue 16): the requests the commands make, what they print, and the command
/// lines they refuse before sending anything.
/// </summary>
public sealed class NotificationUsageTests
{
    private const string Secret = "whsec-Zq81-never-shown";

    private readonly List<string> _requests = [];
    private JsonNode? _sent;
    private string? _idempotencyKey;

    [Fact]
    public async Task ChannelSetPutsTheChannelWithTheSecretFromStdinAndNeverPrintsIt()
    {
        await using StubHub hub = await ChannelHubAsync();

        CliRun run = await hub.RunAsync(new CliProcess { Stdin = Secret + "\n" },
            "notification", "channel", "set", "ops-hook", "--kind", "webhook", "--url", "https://hooks.example.cn/oa?token=t0k3n",
            "--event", "breaker.tripped", "--event", "order.shipped", "--setting", "region=cn-hangzhou", "--setting", "note=a=b", "--secret-stdin");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $$$"""{"kind":"webhook","url":"https://hooks.example.cn/oa?token=t0k3n","secret":"{{{Secret}}}","events":["breaker.tripped","order.shipped"],"settings":{"region":"cn-hangzhou","note":"a=b"}}""",
            _sent!.ToJsonString());
        Assert.False(string.IsNullOrEmpty(_idempotencyKey));
        Assert.Equal(("ops-hook", "https://hooks.example.cn/oa?token=***", "set 已设置"), (run.Field("Channel 渠道"), run.Field("URL 地址"), run.Field("Secret 密钥")));
        Assert.Equal("breaker.tripped 仓库熔断, order.shipped 订单已发货", run.Field("Events 事件"));
        Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelSetAtATerminalAsksForTheSecretWithoutEchoAndEnterSendsNone()
    {
        await using StubHub hub = await ChannelHubAsync();
        var keyboard = new ScriptedKeyboard(Secret);
        string[] args = ["notification", "channel", "set", "ops-wecom", "--kind", "wecom", "--url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "--event", "*"];

        CliRun typed = await hub.RunAsync(new CliProcess { Keyboard = keyboard }, args);
        string? sentSecret = _sent!["secret"]?.GetValue<string>();
        CliRun empty = await hub.RunAsync(new CliProcess { Keyboard = new ScriptedKeyboard("") }, args);

        Assert.True(typed.ExitCode == 0, typed.ToString());
        Assert.Equal([("Secret for ops-wecom (Enter: none, or keep the current one) 密钥:", true)], keyboard.Asked);
        Assert.Equal(Secret, sentSecret);
        Assert.DoesNotContain(Secret, typed.Output + typed.Error, StringComparison.Ordinal);
        Assert.True(empty.ExitCode == 0, empty.ToString());
        Assert.Null(_sent!["secret"]);
        Assert.Equal("""{}""", _sent["settings"]!.ToJsonString());
    }

    [Fact]
    public async Task ChannelSetWithJsonPrintsTheServersBodyWhichHasNoSecret()
    {
        await using StubHub hub = await ChannelHubAsync();

        CliRun run = await hub.RunAsync("notification", "channel", "set", "ops-hook", "--kind", "webhook", "--url", "https://hooks.example.cn/oa",
            "--event", "*", "--secret", Secret, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Secret, _sent!["secret"]!.GetValue<string>());
        Assert.True(JsonNode.Parse(run.Output)!["secretSet"]!.GetValue<bool>());
        Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string, string?> UsageErrors => new()
    {
        { ["notification", "channel", "set", "c", "--kind", "slack", "--url", "https://x.cn/", "--event", "*"], "slack", null },
        { ["notification", "channel", "set", "c", "--kind", "webhook", "--url", "https://x.cn/"], "--event", null },
        { ["notification", "channel", "set", "c", "--kind", "webhook", "--event", "*"], "--url", null },
        { ["notification", "channel", "set", "c", "--kind", "sms", "--url", "https://x.cn/", "--event", "*", "--setting", "signName"], "--setting 'signName' is not KEY=VALUE", null },
        { ["notification", "channel", "set", "c", "--kind", "sms", "--url", "https://x.cn/", "--event", "*", "--setting", "=x"], "--setting '=x' is not KEY=VALUE", null },
        { ["notification", "channel", "set", "c", "--kind", "sms", "--url", "https://x.cn/", "--event", "*", "--setting", "a=1", "--setting", "a=2"], "--setting a is given twice", null },
        { ["notification", "channel", "set", "c", "--kind", "webhook", "--url", "https://x.cn/", "--event", "*", "--secret", "s", "--secret-stdin"], "--secret and --secret-stdin cannot be used together", "s\n" },
        { ["notification", "channel", "set", "c", "--kind", "webhook", "--url", "https://x.cn/", "--event", "*", "--secret", ""], "--secret is empty", null },
        { ["notification", "channel", "set", "c", "--kind", "webhook", "--url", "https://x.cn/", "--event", "*", "--secret-stdin"], "--secret-stdin: standard input held no secret", "" },
        { ["notification", "channel", "delete"], "Required argument missing for command: 'delete'", null },
        { ["notification", "list", "--status", "dead"], "dead", null },
        { ["notification", "list", "--page", "two"], "two", null },
        { ["notification", "retry"], "Required argument missing for command: 'retry'", null },
        { ["notification", "retry", "n1"], "n1", null },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task AWrongCommandLineIsExitCode2BeforeAnyRequest(string[] args, string named, string? stdin)
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.Map("{**path}", (HttpRequest request) =>
        {
            _requests.Add($"{request.Method} {request.Path}");
            return Results.Json(new { });
        }));

        CliRun run = await hub.RunAsync(new CliProcess { Stdin = stdin }, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.StartsWith("orderactors: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task ListPassesItsFiltersAndNeverShowsAFullPhoneNumber()
    {
        string? query = null;
        DateTimeOffset created = new(2026, 1, 20, 8, 0, 0, TimeSpan.Zero);
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/notifications", (HttpRequest request) =>
        {
            query = request.QueryString.Value;
            return Results.Json(new
            {
                items = new object[]
                {
                    Notification(12, "sms", "order.shipped", "failed", attempts: 8, lastError: "HTTP 400 isv.MOBILE_NUMBER_ILLEGAL", created, recipient: "13812345678"),
                    Notification(11, "ops", "breaker.tripped", "pending", attempts: 2, lastError: "connection refused", created, nextAttemptAt: created.AddSeconds(45)),
                },
                page = 2, pageSize = 2, total = 3,
            });
        }));

        CliRun run = await hub.RunAsync("notification", "list", "--status", "failed", "--channel", "ops:sms", "--page", "2", "--page-size", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("?status=failed&channel=ops%3Asms&page=2&pageSize=2", query);
        Assert.Equal(["12", "order.shipped 订单已发货", "Subject 12", "sms", "failed 失败", "8", "-", "138****5678", "HTTP 400 isv.MOBILE_NUMBER_ILLEGAL"], run.Row("12"));
        Assert.Equal(["pending 待发送", "2", OrderActors.Cli.Output.Labels.Time(created.AddSeconds(45)), "-", "connection refused"], run.Row("11")[4..]);
        Assert.DoesNotContain("13812345678", run.Output, StringComparison.Ordinal);
        Assert.Equal("Page 2/2 · 3 notifications", run.OutputLines[^1]);
    }

    [Fact]
    public async Task RetryingANotificationThatIsNotFailedIsExitCode4NamingItsStatus()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapPost("/api/v1/notifications/{id:long}/retry", (long id, HttpRequest request) =>
        {
            _idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
            return Results.Json(new { type = "about:blank", title = "Not a dead letter", status = 409, detail = $"Notification {id} is not failed.", currentStatus = "delivered" },
                statusCode: StatusCodes.Status409Conflict, contentType: "application/problem+json");
        }));

        CliRun run = await hub.RunAsync("notification", "retry", "11", "--idempotency-key", "retry-11");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Equal("retry-11", _idempotencyKey);
        Assert.Equal(["orderactors: Not a dead letter (409)", "  Notification 11 is not failed.", "  current status: delivered 已送达"], run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task CountsPrintsEachStatus()
    {
        await using StubHub hub = await StubHub.StartAsync(routes => routes.MapGet("/api/v1/notifications/counts", () => Results.Json(new { pending = 2, delivered = 40, failed = 1 })));

        CliRun run = await hub.RunAsync("notification", "counts");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("2", "40", "1"), (run.Field("Pending 待发送"), run.Field("Delivered 已送达"), run.Field("Failed 失败")));
    }

    /// <summary>A hub that takes PUT /notification-channels/{name} and answers as the API does: URL tokens masked, no secret.</summary>
    private Task<StubHub> ChannelHubAsync() => StubHub.StartAsync(routes => routes.MapPut("/api/v1/notification-channels/{name}", async (string name, HttpRequest request) =>
    {
        _sent = await JsonNode.ParseAsync(request.Body);
        _idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        string url = _sent!["url"]!.GetValue<string>();
        return Results.Json(new
        {
            name, kind = _sent["kind"], url = url.Contains('?', StringComparison.Ordinal) ? url[..(url.IndexOf('=', StringComparison.Ordinal) + 1)] + "***" : url,
            secretSet = _sent["secret"] is not null, events = _sent["events"], settings = _sent["settings"], updatedAt = DateTimeOffset.UtcNow,
        });
    }));

    private static object Notification(
        long id, string channel, string eventKind, string status, int attempts, string? lastError, DateTimeOffset createdAt,
        DateTimeOffset? nextAttemptAt = null, string? recipient = null) => new
    {
        notificationId = id, channel, eventKind, subject = $"Subject {id}", status, attempts, lastError, nextAttemptAt, createdAt,
        deliveredAt = (DateTimeOffset?)null, recipient,
    };
}
