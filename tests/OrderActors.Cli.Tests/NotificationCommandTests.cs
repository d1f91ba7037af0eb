using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderActors.Cli.Tests.Support;
using OrderActors.Notifications.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Cli.Tests;

/// <summary>
/// orderactors notification … against the real silo (issue 16): channels set, listed and deleted without their secrets
/// ever printed, and a dead letter found, counted and sent again. A loopback capture server stands in for the endpoint.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class NotificationCommandTests(SiloFixture silo)
{
    private const string Secret = "whsec-cli-4f1c9a0b7e";
    private const string RobotKey = "robot-key-0123456789abcdef";

    [PostgresFact]
    public async Task ChannelsAreSetListedAndDeletedAndNoSecretIsEverPrinted()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        await using CaptureServer capture = CaptureServer.Start(_ => new CaptureReply(200, "{}"));
        string hook = capture.Url("/hook?token=t0ken-in-query");

        CliRun noSecret = await demo.RunAsync("notification", "channel", "set", "shop-hook", "--kind", "webhook", "--url", hook, "--event", "order.shipped");
        CliRun webhook = await demo.RunAsync(new CliProcess { Stdin = Secret + "\n", Environment = AdminEnvironment(demo) },
            ["notification", "channel", "set", "shop-hook", "--kind", "webhook", "--url", hook, "--event", "order.shipped", "--event", "breaker.tripped",
                "--setting", "note=仓库群", "--secret-stdin"]);
        CliRun robot = await demo.RunAsync("notification", "channel", "set", "ops-wecom", "--kind", "wecom",
            "--url", $"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={RobotKey}", "--event", "*", "--setting", "msgtype=text");
        CliRun kept = await demo.RunAsync("notification", "channel", "set", "shop-hook", "--kind", "webhook", "--url", hook, "--event", "breaker.tripped");
        CliRun listed = await demo.RunAsync("notification", "channel", "list");
        CliRun json = await demo.RunAsync("notification", "channel", "list", "--json");
        CliRun deleted = await demo.RunAsync("notification", "channel", "delete", "ops-wecom");
        CliRun again = await demo.RunAsync("notification", "channel", "delete", "ops-wecom");
        CliRun left = await demo.RunAsync("notification", "channel", "list");

        Assert.True(noSecret.ExitCode == 2, noSecret.ToString());
        Assert.Contains(noSecret.Error.Split('\n'), l => l.StartsWith("  secret: ", StringComparison.Ordinal));
        Assert.True(webhook.ExitCode == 0, webhook.ToString());
        Assert.Equal(("set 已设置", "order.shipped 订单已发货, breaker.tripped 仓库熔断"), (webhook.Field("Secret 密钥"), webhook.Field("Events 事件")));
        Assert.True(robot.ExitCode == 0, robot.ToString());
        Assert.Equal(("wecom 企业微信", "none 未设置"), (robot.Field("Kind 类型"), robot.Field("Secret 密钥")));
        Assert.True(kept.ExitCode == 0, kept.ToString());
        Assert.Equal("set 已设置", kept.Field("Secret 密钥"));
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal(["ops-wecom", "wecom 企业微信", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***", "none 未设置", "*", "msgtype=text"], listed.Row("ops-wecom")[..6]);
        Assert.Equal(["shop-hook", "webhook", $"{capture.BaseUrl}hook?token=***", "set 已设置", "breaker.tripped"], listed.Row("shop-hook")[..5]);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(["ops-wecom", "shop-hook"], JsonNode.Parse(json.Output)!["items"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal("Deleted ops-wecom.", deleted.OutputLines.Single());
        Assert.True(again.ExitCode == 3, again.ToString());
        Assert.Equal(["shop-hook"], left.OutputLines[1..].Select(l => l.Split(' ')[0]));
        JsonNode stored = (await demo.GetAsync("/api/v1/notification-channels"))["items"]![0]!;
        Assert.True(stored["secretSet"]!.GetValue<bool>());
        foreach (CliRun run in new[] { noSecret, webhook, robot, kept, listed, json, deleted, again, left })
        {
            Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(RobotKey, run.Output + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("t0ken-in-query", run.Output + run.Error, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task ADeadLetterIsListedCountedAndSentAgain()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        bool down = true;
        await using CaptureServer capture = CaptureServer.Start(_ => down ? new CaptureReply(500, "{}") : new CaptureReply(200, "{}"));
        await PutChannelAsync(demo, "flaky", capture.Url("/flaky"));
        await demo.PostAsync("/api/v1/warehouses/WH-HZ/breaker/trip", new { reason = "冷库停电" });
        long id = await WaitForAsync(demo, "failed");

        CliRun counts = await demo.RunAsync("notification", "counts");
        CliRun failed = await demo.RunAsync("notification", "list", "--status", "failed");
        CliRun elsewhere = await demo.RunAsync("notification", "list", "--channel", "quiet");
        down = false;
        CliRun retried = await demo.RunAsync("notification", "retry", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WaitForAsync(demo, "delivered");
        CliRun twice = await demo.RunAsync("notification", "retry", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CliRun delivered = await demo.RunAsync("notification", "list", "--status", "delivered", "--json");

        Assert.True(counts.ExitCode == 0, counts.ToString());
        Assert.Equal(("0", "0", "1"), (counts.Field("Pending 待发送"), counts.Field("Delivered 已送达"), counts.Field("Failed 失败")));
        Assert.True(failed.ExitCode == 0, failed.ToString());
        string[] row = failed.Row(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["breaker.tripped 仓库熔断", "WH-HZ", "flaky", "failed 失败", "2", "-", "-"], row[1..8]);
        Assert.Contains("500", row[8], StringComparison.Ordinal);
        Assert.True(elsewhere.ExitCode == 0, elsewhere.ToString());
        Assert.Equal("No notifications match.", elsewhere.OutputLines.Single());
        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Equal(("pending 待发送", "0"), (retried.Field("Status 状态"), retried.Field("Attempts 次数")));
        Assert.True(twice.ExitCode == 4, twice.ToString());
        Assert.Contains("  current status: delivered 已送达", twice.Error.Split('\n'));
        Assert.True(delivered.ExitCode == 0, delivered.ToString());
        JsonNode sent = Assert.Single(JsonNode.Parse(delivered.Output)!["items"]!.AsArray())!;
        Assert.Equal((id, 1), (sent["notificationId"]!.GetValue<long>(), sent["attempts"]!.GetValue<int>()));
        Assert.Contains("冷库停电", capture.Requests[^1].Body, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AnUnknownNotificationIsExitCode3()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunAsync("notification", "retry", "999999999");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("", run.Output);
    }

    private static Dictionary<string, string?> AdminEnvironment(DemoTenant demo) => new() { ["ORDERACTORS_TOKEN"] = demo.AdminKey };

    /// <summary>A webhook channel for breaker trips, set through the API.</summary>
    private static async Task PutChannelAsync(DemoTenant demo, string name, string url)
    {
        using HttpResponseMessage response = await demo.Api.PutAsJsonAsync($"/api/v1/notification-channels/{name}",
            new { kind = "webhook", url, secret = Secret, events = new[] { "breaker.tripped" } });
        Assert.True(response.IsSuccessStatusCode, $"PUT channel {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The id of the tenant's one notification once it has <paramref name="status"/>.</summary>
    private static async Task<long> WaitForAsync(DemoTenant demo, string status)
    {
        JsonNode? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await demo.GetAsync($"/api/v1/notifications?status={status}"))["items"]!.AsArray().FirstOrDefault();
            return found is not null;
        }, TimeSpan.FromSeconds(60), $"a notification {status}");
        return found!["notificationId"]!.GetValue<long>();
    }
}
