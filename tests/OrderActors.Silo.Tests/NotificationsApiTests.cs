using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using OrderActors.Notifications.Tests.Support;
using OrderActors.Silo.Notifications;
using OrderActors.Silo.Tests.Support;
using OrderActors.Silo.TestHost;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests;

/// <summary>
/// The notification outbox end to end: a silo (short retry schedule, short unpaid timeout) fans out hub events to the
/// tenant's channels, and a real loopback capture server stands in for the robots and webhooks.
/// </summary>
public sealed class NotificationsApiTests : IAsyncLifetime
{
    private const string Secret = "whsec-test-0123456789";

    private SiloHost? _host;

    private SiloHost Host => _host ?? throw new InvalidOperationException("PostgreSQL tests are skipped here.");

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.SkipReason() is null)
        {
            _host = await SiloHost.StartAsync(new Dictionary<string, string?>
            {
                ["Notifications:PollPeriod"] = "00:00:00.200",
                ["Notifications:RetryBaseDelay"] = "00:00:00.200",
                ["Notifications:RetryMaxDelay"] = "00:00:00.500",
                ["Notifications:MaxAttempts"] = "3",
                ["Notifications:UnpaidCouponCode"] = "COME-BACK-10",
                ["Hub:Unpaid:RemindAfter"] = "00:00:02",
                ["Hub:Unpaid:CancelAfter"] = "00:00:30",
            });
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private TenantApi NewTenant()
    {
        string tenant = $"n-{Guid.NewGuid():N}"[..20];
        HttpClient client = Host.ClientWith(Host.AdminKey);
        client.DefaultRequestHeaders.Add("X-Tenant", tenant);
        return new TenantApi(client, tenant);
    }

    [PostgresFact]
    public async Task ChannelsAreSetListedAndDeletedAndTheirSecretsNeverShown()
    {
        TenantApi api = NewTenant();

        (HttpStatusCode noSecret, JsonNode? problem) = await api.PutAsync("/api/v1/notification-channels/hooks",
            new { kind = "webhook", url = "https://example.invalid/hook", events = new[] { "order.shipped" } });
        (HttpStatusCode badEvent, JsonNode? eventProblem) = await api.PutAsync("/api/v1/notification-channels/hooks",
            new { kind = "webhook", url = "https://example.invalid/hook", secret = Secret, events = new[] { "order.lost" } });
        JsonNode? set = await TenantApi.Ok(api.PutAsync("/api/v1/notification-channels/ding",
            new { kind = "dingtalk", url = "https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789", secret = Secret, events = new[] { "*" } }));
        JsonNode? listed = await TenantApi.Ok(api.GetAsync("/api/v1/notification-channels"));
        (HttpStatusCode deleted, _) = await api.SendAsync(HttpMethod.Delete, "/api/v1/notification-channels/ding");
        (HttpStatusCode again, _) = await api.SendAsync(HttpMethod.Delete, "/api/v1/notification-channels/ding");

        Assert.Equal(HttpStatusCode.BadRequest, noSecret);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("secret"));
        Assert.Equal(HttpStatusCode.BadRequest, badEvent);
        Assert.True(eventProblem!["errors"]!.AsObject().ContainsKey("events"));
        Assert.Equal(("dingtalk", true), (set!["kind"]!.GetValue<string>(), set["secretSet"]!.GetValue<bool>()));
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=***", set["url"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, listed!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef0123456789", listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted, again));
    }

    [PostgresFact]
    public async Task AShipmentReachesTheWebhookSignedAndTheRobotAndIsRecordedDelivered()
    {
        TenantApi api = NewTenant();
        await using CaptureServer capture = CaptureServer.Start(r => r.Path.Contains("wecom", StringComparison.Ordinal)
            ? new CaptureReply(200, """{"errcode":0,"errmsg":"ok"}""")
            : new CaptureReply(200, "{}"));
        await TenantApi.Ok(api.PutAsync("/api/v1/notification-channels/shop-hook",
            new { kind = "webhook", url = capture.Url("/hook"), secret = Secret, events = new[] { "order.shipped" } }));
        await TenantApi.Ok(api.PutAsync("/api/v1/notification-channels/ops-wecom",
            new { kind = "wecom", url = capture.Url("/wecom/send?key=robot-key-0123456789"), events = new[] { "order.shipped", "breaker.tripped" } }));
        await api.SetUpWorldAsync();
        await TenantApi.Ok(api.PostAsync("/api/v1/channels/miniapp/orders", Fixtures.MiniappOrder("NOTE-1")));
        await api.SettledOrderAsync("miniapp-NOTE-1");

        await TenantApi.Ok(api.PostAsync("/api/v1/orders/miniapp-NOTE-1/ship", new { carrier = "SF", trackingNo = "SF7000001" }));
        try
        {
            await Eventually.TrueAsync(() => capture.Requests.Count >= 2, TimeSpan.FromSeconds(30), "both channels are sent to");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"requests {capture.Requests.Count}; outbox {(await api.GetAsync("/api/v1/notifications")).Body?.ToJsonString()}");
        }

        CapturedRequest hook = capture.Requests.Single(r => r.Path == "/hook");
        string expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            Encoding.UTF8.GetBytes($"{hook.Header("X-OrderActors-Timestamp")}.{hook.Body}")));
        Assert.Equal(expected, hook.Header("X-OrderActors-Signature"));
        Assert.Equal("order.shipped", hook.Header("X-OrderActors-Event"));
        Assert.Contains("SF7000001", hook.Body, StringComparison.Ordinal);
        (_, JsonNode? shipped) = await api.GetAsync("/api/v1/orders/miniapp-NOTE-1");
        string trackingPath = new Uri(shipped!["trackingUrl"]!.GetValue<string>()).AbsolutePath;
        Assert.Contains(trackingPath, hook.Body, StringComparison.Ordinal);
        CapturedRequest robot = capture.Requests.Single(r => r.Path.StartsWith("/wecom", StringComparison.Ordinal));
        Assert.Equal("markdown", robot.Json().GetProperty("msgtype").GetString());
        Assert.Contains("SF7000001", robot.Json().GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (await api.GetAsync("/api/v1/notifications/counts")).Body!["delivered"]!.GetValue<long>() == 2,
            because: "both are recorded delivered");
        JsonNode? list = await TenantApi.Ok(api.GetAsync("/api/v1/notifications?status=delivered"));
        Assert.All(list!["items"]!.AsArray(), n => Assert.Equal(1, n!["attempts"]!.GetValue<int>()));
        Assert.Equal(2, capture.Requests.Count);
    }

    [PostgresFact]
    public async Task AChannelThatKeepsFailingIsRetriedThenDeadLetteredAndSentAgainOnRequest()
    {
        TenantApi api = NewTenant();
        bool down = true;
        await using CaptureServer capture = CaptureServer.Start(_ => down ? new CaptureReply(500, "{}") : new CaptureReply(200, "{}"));
        await TenantApi.Ok(api.PutAsync("/api/v1/notification-channels/flaky",
            new { kind = "webhook", url = capture.Url("/flaky"), secret = Secret, events = new[] { "breaker.tripped" } }));
        await api.SetUpWorldAsync();

        await TenantApi.Ok(api.PostAsync("/api/v1/warehouses/WH-SH/breaker/trip", new { reason = "停电" }));
        JsonNode failed = await FirstAsync(api, "failed");

        Assert.Equal(3, failed["attempts"]!.GetValue<int>());
        Assert.Contains("500", failed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("breaker.tripped", failed["eventKind"]!.GetValue<string>());
        long id = failed["notificationId"]!.GetValue<long>();
        (HttpStatusCode notFailed, JsonNode? conflict) = await api.PostAsync("/api/v1/notifications/999999999/retry");
        Assert.Equal(HttpStatusCode.NotFound, notFailed);

        down = false;
        JsonNode? retried = await TenantApi.Ok(api.PostAsync($"/api/v1/notifications/{id}/retry"));
        Assert.Equal("pending", retried!["status"]!.GetValue<string>());
        JsonNode delivered = await FirstAsync(api, "delivered");
        Assert.Equal(id, delivered["notificationId"]!.GetValue<long>());
        Assert.Contains("停电", capture.Requests[^1].Body, StringComparison.Ordinal);
        (HttpStatusCode twice, JsonNode? twiceProblem) = await api.PostAsync($"/api/v1/notifications/{id}/retry");
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal("delivered", twiceProblem!["currentStatus"]!.GetValue<string>());
        Assert.Null(conflict?["currentStatus"]);
    }

    [PostgresFact]
    public async Task AnUnpaidOrderSendsItsReminderWithTheCouponAndTheCancelTime()
    {
        TenantApi api = NewTenant();
        await using CaptureServer capture = CaptureServer.Start(_ => new CaptureReply(200, "{}"));
        await TenantApi.Ok(api.PutAsync("/api/v1/notification-channels/buyers",
            new { kind = "webhook", url = capture.Url("/buyers"), secret = Secret, events = new[] { "unpaid.reminder" } }));
        await api.SetUpWorldAsync();
        JsonNode order = JsonNode.Parse(Fixtures.MiniappOrder("NOTE-UNPAID"))!;
        order["status"] = "CREATED";
        order["createdAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        order.AsObject().Remove("paidAt");
        await TenantApi.Ok(api.PostAsync("/api/v1/channels/miniapp/orders", order));

        await Eventually.TrueAsync(() => capture.Requests.Count >= 1, TimeSpan.FromSeconds(40), "the reminder is sent");

        JsonNode body = JsonNode.Parse(capture.Requests[0].Body)!;
        Assert.Contains("COME-BACK-10", capture.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains("miniapp-NOTE-UNPAID", capture.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("unpaid.reminder", capture.Requests[0].Header("X-OrderActors-Event"));
        Assert.NotNull(body);
        (_, JsonNode? reminded) = await api.GetAsync("/api/v1/orders/miniapp-NOTE-UNPAID");
        Assert.Equal("PendingPayment", reminded!["status"]!.GetValue<string>());
        Assert.Contains(reminded["timeline"]!.AsArray(), t => t!["source"]!.GetValue<string>() == "system:unpaid");
    }

    [PostgresFact]
    public async Task TwoSilosFanOutEachEventOnceAndARowWhoseSiloDiedIsSentAgainAfterItsLease()
    {
        // A silo whose own dispatcher polls once at start and then sleeps: the two stores below play two silos.
        await using SiloHost quiet = await SiloHost.StartAsync(new Dictionary<string, string?> { ["Notifications:PollPeriod"] = "1.00:00:00" });
        await using var dataSource = NpgsqlDataSource.Create(quiet.DatabaseConnectionString);
        var first = new NotificationStore(dataSource, TimeProvider.System);
        var second = new NotificationStore(dataSource, TimeProvider.System);
        await Eventually.TrueAsync(async () => await Scalar(dataSource, "SELECT count(*) FROM notification_cursor") == 1, because: "the silo's first poll set the cursor");
        await using (NpgsqlCommand insert = dataSource.CreateCommand(
            "INSERT INTO hub_events (tenant, kind, subject, data) SELECT 'probe', 'Probe', 'p' || g, '{}' FROM generate_series(1, 50) g"))
        {
            await insert.ExecuteNonQueryAsync();
        }
        int fannedOut = 0;
        Task<IReadOnlyList<OutboxEntry>> Probe(OutboxEvent e)
        {
            Interlocked.Increment(ref fannedOut);
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([new(e.Tenant, "ops", e.Seq, "breaker.tripped", e.Subject, new Dictionary<string, string>(), null)]);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).FanOutAsync(10, TimeSpan.Zero, Probe, CancellationToken.None))));

        Assert.Equal(50, fannedOut);
        Assert.Equal(50, await Scalar(dataSource, "SELECT count(DISTINCT event_seq) FROM notifications WHERE tenant = 'probe'"));
        Assert.Equal(50, await Scalar(dataSource, "SELECT count(*) FROM notifications WHERE tenant = 'probe'"));

        IReadOnlyList<OutboxRow> claimed = await first.ClaimDueAsync(50, TimeSpan.FromSeconds(1), CancellationToken.None);
        IReadOnlyList<OutboxRow> meanwhile = await second.ClaimDueAsync(50, TimeSpan.FromSeconds(1), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        IReadOnlyList<OutboxRow> afterLease = await second.ClaimDueAsync(50, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(50, claimed.Count);
        Assert.Empty(meanwhile);
        Assert.Equal(claimed.Select(r => r.Id).Order(), afterLease.Select(r => r.Id).Order());
    }

    private static async Task<long> Scalar(NpgsqlDataSource dataSource, string sql)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<JsonNode> FirstAsync(TenantApi api, string status)
    {
        JsonNode? found = null;
        await Eventually.TrueAsync(async () =>
        {
            JsonNode? page = (await api.GetAsync($"/api/v1/notifications?status={status}")).Body;
            found = page?["items"]?.AsArray().FirstOrDefault();
            return found is not null;
        }, TimeSpan.FromSeconds(40), $"a notification {status}");
        return found!;
    }
}
