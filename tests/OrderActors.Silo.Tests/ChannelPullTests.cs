using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;
using static OrderActors.Silo.Tests.Support.PullWorld;

namespace OrderActors.Silo.Tests;

/// <summary>
/// Issue 12: a missed push is pulled. Orders sit on a fake platform on loopback; some reach the hub as pushes, the rest
/// are "dropped"; a catch-up or the scheduled pull must leave every order in the hub exactly once.
/// </summary>
public sealed class ChannelPullTests(PullSiloFixture silo) : IClassFixture<PullSiloFixture>
{
    [PostgresFact]
    public async Task ACatchUpPullsTheDroppedPushesAndEveryOrderIsInTheHubOnce_Issue12()
    {
        TenantApi api = silo.Tenant(PullSiloFixture.TaobaoTenant);
        await api.SetUpWorldAsync();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        FakeOrder[] trades = Enumerable.Range(1, 12).Select(i => TaobaoTrade(4100000000000000000 + i, now.AddMinutes(-i))).ToArray();
        foreach (FakeOrder trade in trades)
        {
            silo.Platform.Add(PullSiloFixture.TaobaoShop, trade);
        }
        FakeOrder[] pushed = trades.Where((_, i) => i % 3 != 0).ToArray();
        foreach (FakeOrder trade in pushed)
        {
            await TenantApi.Ok(api.PostAsync("/api/v1/channels/taobao/orders", TaobaoPush(trade)));
        }

        JsonNode run = await CatchUpAsync(api, "taobao", now.AddMinutes(-30), now);

        Assert.True(run["state"]!.GetValue<string>() == "Succeeded", run.ToJsonString());
        Assert.Equal((12, 4, 8, 3), (Int(run, "fetched"), Int(run, "new"), Int(run, "duplicates"), Int(run, "pages")));
        string[] ids = await OrderIdsAsync(api, "taobao");
        Assert.Equal(trades.Select(t => $"taobao-{t.Id}").Order(), ids.Order());

        JsonNode again = await CatchUpAsync(api, "taobao", now.AddMinutes(-30), now);

        Assert.Equal((12, 0, 12), (Int(again, "fetched"), Int(again, "new"), Int(again, "duplicates")));
        Assert.Equal(12, (await OrderIdsAsync(api, "taobao")).Length);
        JsonNode status = await StatusAsync(api, "taobao");
        Assert.Null(status["cursor"]);
        Assert.False(status["scheduled"]!.GetValue<bool>());
        Assert.Equal(again["runId"]!.ToString(), status["lastCatchUp"]!["runId"]!.ToString());
    }

    [PostgresFact]
    public async Task APaymentOrCancellationWhosePushWasLostIsBroughtByThePull()
    {
        TenantApi api = silo.Tenant(PullSiloFixture.TaobaoTenant);
        await api.SetUpWorldAsync();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        FakeOrder paidLater = TaobaoTrade(4200000000000000001, now.AddMinutes(-3));
        FakeOrder cancelledLater = TaobaoTrade(4200000000000000002, now.AddMinutes(-4));
        JsonNode unpaid = JsonNode.Parse(TaobaoPush(paidLater))!;
        unpaid["trade_fullinfo_get_response"]!["trade"]!["status"] = "WAIT_BUYER_PAY";
        unpaid["trade_fullinfo_get_response"]!["trade"]!.AsObject().Remove("pay_time");
        await TenantApi.Ok(api.PostAsync("/api/v1/channels/taobao/orders", unpaid.ToJsonString()));
        await TenantApi.Ok(api.PostAsync("/api/v1/channels/taobao/orders", TaobaoPush(cancelledLater)));
        Assert.Equal("Allocated", (await api.SettledOrderAsync($"taobao-{cancelledLater.Id}"))["status"]!.GetValue<string>());
        JsonNode closed = JsonNode.Parse(cancelledLater.Detail)!;
        closed["status"] = "TRADE_CLOSED";
        silo.Platform.Add(PullSiloFixture.TaobaoShop, paidLater);
        silo.Platform.Add(PullSiloFixture.TaobaoShop, cancelledLater with { Detail = closed.ToJsonString() });

        JsonNode run = await CatchUpAsync(api, "taobao", now.AddMinutes(-10), now);

        JsonNode paid = await api.SettledOrderAsync($"taobao-{paidLater.Id}");
        JsonNode cancelled = (await api.GetAsync($"/api/v1/orders/taobao-{cancelledLater.Id}")).Body!;
        Assert.Equal(("Allocated", "Cancelled"), (paid["status"]!.GetValue<string>(), cancelled["status"]!.GetValue<string>()));
        Assert.Equal(("Succeeded", 0, 2), (run["state"]!.GetValue<string>(), Int(run, "new"), Int(run, "updated")));
        await Eventually.TrueAsync(async () => (await api.GetAsync("/api/v1/audit")).Body!["ok"]!.GetValue<bool>(), TimeSpan.FromSeconds(20));
    }

    [PostgresFact]
    public async Task AWrongSignatureIsRefusedByThePlatformAndShowsAsTheRunsError()
    {
        TenantApi api = silo.Tenant(PullSiloFixture.BadSignTenant);
        DateTimeOffset now = DateTimeOffset.UtcNow;

        JsonNode run = await CatchUpAsync(api, "taobao", now.AddHours(-1), now);

        Assert.Equal("Failed", run["state"]!.GetValue<string>());
        Assert.Equal((0, 0, 1), (Int(run, "fetched"), Int(run, "pages"), Int(run, "errorCount")));
        string message = run["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("isv.invalid-signature", message, StringComparison.Ordinal);
        Assert.Contains("page 1", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", message, StringComparison.Ordinal);
        (HttpStatusCode _, JsonNode? dashboard) = await api.GetAsync("/api/v1/dashboard");
        JsonNode taobao = dashboard!["pulls"]!.AsArray().Single(p => p!["channel"]!.GetValue<string>() == "taobao")!;
        Assert.Equal(("Failed", 1, 0), (taobao["state"]!.GetValue<string>(), Int(taobao, "errors"), Int(taobao, "fetched")));
        Assert.Contains("isv.invalid-signature", taobao["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task TheScheduledPullTakesWhatThePushesMissedAndItsOverlapAddsNoDuplicates_Issue12()
    {
        TenantApi api = silo.Tenant(PullSiloFixture.PddTenant);
        await api.SetUpWorldAsync();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        FakeOrder[] orders = Enumerable.Range(1, 7).Select(i => PddOrder($"260120-4815162342{i:D3}", now.AddSeconds(-5 * i))).ToArray();
        foreach (FakeOrder order in orders.Take(3))
        {
            await TenantApi.Ok(api.PostAsync("/api/v1/channels/pdd/orders", PddPush(order)));
        }
        foreach (FakeOrder order in orders)
        {
            silo.Platform.Add(PullSiloFixture.PddShop, order);
        }

        await Eventually.TrueAsync(async () => (await OrderIdsAsync(api, "pdd")).Length == orders.Length, TimeSpan.FromSeconds(60),
            "the scheduled pull should bring in the four dropped orders");
        JsonNode settled = await NextScheduledRunAsync(api, "pdd", startedAfter: DateTimeOffset.UtcNow);

        Assert.Equal("Succeeded", settled["lastScheduled"]!["state"]!.GetValue<string>());
        Assert.Equal(0, Int(settled["lastScheduled"]!, "new"));
        Assert.True(Int(settled["lastScheduled"]!, "duplicates") >= orders.Length, settled.ToJsonString());
        Assert.Equal(orders.Select(o => $"pdd-{o.Id}").Order(), (await OrderIdsAsync(api, "pdd")).Order());
        Assert.True(settled["scheduled"]!.GetValue<bool>());
        Assert.True(settled["cursor"]!.GetValue<DateTimeOffset>() > now, settled.ToJsonString());
    }

    [PostgresFact]
    public async Task AFailedPageLeavesTheCursorWhereItWasAndTheNextRunRetries()
    {
        TenantApi api = silo.Tenant(PullSiloFixture.FailingTenant);
        await api.SetUpWorldAsync();
        silo.Platform.FailPage(PullSiloFixture.FailingShop, 2);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        FakeOrder[] orders = Enumerable.Range(1, 8).Select(i => PddOrder($"260120-5000000000{i:D3}", now.AddSeconds(-i))).ToArray();
        foreach (FakeOrder order in orders)
        {
            silo.Platform.Add(PullSiloFixture.FailingShop, order);
        }

        // The first runs may still move the cursor over older slices read whole; never past the slice whose page failed,
        // so each failing run reads the same orders again.
        JsonNode failed = await NextScheduledRunAsync(api, "pdd", startedAfter: now, state: "Failed");
        failed = await NextScheduledRunAsync(api, "pdd", startedAfter: FinishedAt(failed), state: "Failed");
        JsonNode failedAgain = await NextScheduledRunAsync(api, "pdd", startedAfter: FinishedAt(failed), state: "Failed");

        string message = failedAgain["lastScheduled"]!["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("page 2", message, StringComparison.Ordinal);
        Assert.Contains("503", message, StringComparison.Ordinal);
        Assert.Equal(failed["cursor"]!.GetValue<DateTimeOffset>(), failedAgain["cursor"]!.GetValue<DateTimeOffset>());
        Assert.True(failedAgain["lastScheduled"]!["from"]!.GetValue<DateTimeOffset>() <= orders.Min(o => o.Modified), failedAgain.ToJsonString());
        Assert.Equal(5, (await OrderIdsAsync(api, "pdd")).Length);

        silo.Platform.Heal(PullSiloFixture.FailingShop);
        JsonNode healed = await NextScheduledRunAsync(api, "pdd", startedAfter: DateTimeOffset.UtcNow, state: "Succeeded");

        Assert.True(healed["cursor"]!.GetValue<DateTimeOffset>() > now, healed.ToJsonString());
        Assert.Equal(orders.Select(o => $"pdd-{o.Id}").Order(), (await OrderIdsAsync(api, "pdd")).Order());
        Assert.Equal(3, Int(healed["lastScheduled"]!, "new"));
    }

    [PostgresFact]
    public async Task PullRequestsThatCannotRunAreClearProblems()
    {
        TenantApi api = silo.Tenant(PullSiloFixture.TaobaoTenant);
        DateTimeOffset now = DateTimeOffset.UtcNow;

        (HttpStatusCode reversed, JsonNode? reversedBody) = await api.PostAsync("/api/v1/channels/taobao/pull", new { from = now, to = now.AddHours(-1) });
        (HttpStatusCode missing, JsonNode? missingBody) = await api.PostAsync("/api/v1/channels/taobao/pull", new { from = now });
        (HttpStatusCode tooLong, JsonNode? tooLongBody) = await api.PostAsync("/api/v1/channels/taobao/pull", new { from = now.AddDays(-40), to = now });
        (HttpStatusCode jd, JsonNode? jdBody) = await api.PostAsync("/api/v1/channels/jd/pull", new { from = now.AddHours(-1), to = now });
        (HttpStatusCode unknown, _) = await api.PostAsync("/api/v1/channels/ebay/pull", new { from = now.AddHours(-1), to = now });
        (HttpStatusCode noRun, _) = await api.GetAsync("/api/v1/channels/taobao/pull/runs/r999");
        JsonNode jdStatus = await StatusAsync(api, "jd");

        Assert.Equal(HttpStatusCode.BadRequest, reversed);
        Assert.NotNull(reversedBody!["errors"]!["from"]);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.NotNull(missingBody!["errors"]!["to"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Contains("at most 31.00:00:00", tooLongBody!["errors"]!["to"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, jd);
        Assert.Contains("Channels:jd:Pull:BaseUrl", jdBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.NotFound, noRun);
        Assert.False(jdStatus["configured"]!.GetValue<bool>());
        Assert.Equal("no Channels:jd:Pull:BaseUrl", jdStatus["notConfigured"]!.GetValue<string>());
        (HttpStatusCode listStatus, JsonNode? list) = await api.GetAsync("/api/v1/channels/pulls");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(["taobao", "jd", "pdd", "douyin", "meituan", "miniapp"], list!.AsArray().Select(p => p!["channel"]!.GetValue<string>()));
        Assert.Equal([true, false, false, false, false, false], list.AsArray().Select(p => p!["configured"]!.GetValue<bool>()));
    }

    /// <summary>Waits for a finished scheduled run that started after <paramref name="startedAfter"/> (in <paramref name="state"/> if given); the status then.</summary>
    private static async Task<JsonNode> NextScheduledRunAsync(TenantApi api, string channel, DateTimeOffset startedAfter, string? state = null)
    {
        JsonNode? status = null;
        await Eventually.TrueAsync(async () =>
        {
            status = await StatusAsync(api, channel);
            JsonNode? last = status["lastScheduled"];
            return last is not null && last["startedAt"]!.GetValue<DateTimeOffset>() > startedAfter
                && (state is null || last["state"]!.GetValue<string>() == state);
        }, TimeSpan.FromSeconds(60), $"no scheduled {state ?? "finished"} run started after {startedAfter:O}");
        return status!;
    }

    private static DateTimeOffset FinishedAt(JsonNode status) => status["lastScheduled"]!["finishedAt"]!.GetValue<DateTimeOffset>();
}
