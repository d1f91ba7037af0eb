using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Testing;
using OrderActors.Silo.Tests.Support;

namespace OrderActors.Silo.Tests;

[Collection(SiloCollection.Name)]
public sealed class OperationsApiTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task TrippingAWarehouseReroutesItsOrdersReportsTheCountsAndResetClosesIt()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        foreach (string channel in new[] { "taobao", "jd", "pdd", "douyin" })
        {
            await api.PostAsync($"/api/v1/channels/{channel}/orders", Fixtures.Read(channel));
        }
        JsonArray items = (await api.GetAsync("/api/v1/orders")).Body!["items"]!.AsArray();
        foreach (JsonNode? item in items)
        {
            await api.SettledOrderAsync(item!["orderId"]!.GetValue<string>());
        }
        int atHangzhou = (await api.GetAsync("/api/v1/orders?warehouseId=WH-HZ")).Body!["total"]!.GetValue<int>();

        (HttpStatusCode noReason, JsonNode? _) = await api.PostAsync("/api/v1/warehouses/WH-HZ/breaker/trip", new { });
        (_, JsonNode? trip) = await api.PostAsync("/api/v1/warehouses/WH-HZ/breaker/trip", new { reason = "冷库停电" });
        (_, JsonNode? again) = await api.PostAsync("/api/v1/warehouses/WH-HZ/breaker/trip", new { reason = "冷库停电" });
        (_, JsonNode? warehouse) = await api.GetAsync("/api/v1/warehouses/WH-HZ");
        (_, JsonNode? dashboard) = await api.GetAsync("/api/v1/dashboard");
        (_, JsonNode? reset) = await api.PostAsync("/api/v1/warehouses/WH-HZ/breaker/reset");

        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.True(atHangzhou > 0);
        Assert.Equal(("Open", atHangzhou, 0, 0), (trip!["state"]!.GetValue<string>(), trip["reroutedOrders"]!.GetValue<int>(),
            trip["unroutableOrders"]!.GetValue<int>(), trip["pendingOrders"]!.GetValue<int>()));
        Assert.Equal((atHangzhou, 0), (trip["affectedOrders"]!.GetValue<int>(), trip["notAffectedOrders"]!.GetValue<int>()));
        Assert.Equal(0, again!["reroutedOrders"]!.GetValue<int>());
        Assert.Equal(("Open", "冷库停电"), (warehouse!["breaker"]!["state"]!.GetValue<string>(), warehouse["breaker"]!["reason"]!.GetValue<string>()));
        Assert.Equal((1, (long)atHangzhou, 0), (dashboard!["openBreakers"]!.GetValue<int>(), dashboard["reroutes"]!.GetValue<long>(), dashboard["oversold"]!.GetValue<int>()));
        Assert.Equal(0, (await api.GetAsync("/api/v1/orders?warehouseId=WH-HZ&status=Allocated")).Body!["total"]!.GetValue<int>());
        Assert.Equal("Closed", reset!["state"]!.GetValue<string>());
        Assert.True((await api.GetAsync("/api/v1/audit")).Body!["ok"]!.GetValue<bool>());
    }

    [PostgresFact]
    public async Task SensorReadingsAboveEightDegreesForFiveMinutesTripAColdChainWarehouse()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        DateTimeOffset t0 = DateTimeOffset.UtcNow.AddMinutes(-10);

        (HttpStatusCode missing, JsonNode? _) = await api.PostAsync("/api/v1/warehouses/WH-SH/sensors", new { humidity = 40 });
        (_, JsonNode? warm) = await api.PostAsync("/api/v1/warehouses/WH-SH/sensors", new { temperatureC = 8.6, humidity = 40, at = t0 });
        (_, JsonNode? tripped) = await api.PostAsync("/api/v1/warehouses/WH-SH/sensors", new { temperatureC = 9.1, humidity = 40, at = t0.AddMinutes(5) });

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(("Closed", 8.6), (warm!["breaker"]!["state"]!.GetValue<string>(), warm["temperatureC"]!.GetValue<double>()));
        Assert.Equal(("Open", "sensor"), (tripped!["breaker"]!["state"]!.GetValue<string>(), tripped["breaker"]!["source"]!.GetValue<string>()));
    }

    [PostgresFact]
    public async Task TheDashboardCountsOrdersByStatusHoldsAndLowStock()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync(stock: 1);
        await api.PostAsync("/api/v1/channels/taobao/orders", Fixtures.Read("taobao"));
        await api.SettledOrderAsync("taobao-4012345678901234567");

        (_, JsonNode? dashboard) = await api.GetAsync("/api/v1/dashboard");

        Assert.Equal(1, dashboard!["totalOrders"]!.GetValue<long>());
        Assert.Equal(1, dashboard["ordersPerMinute"]!.GetValue<long>());
        Assert.Equal(2, dashboard["breakers"]!.AsArray().Count);
        Assert.NotEmpty(dashboard["lowStock"]!.AsArray());
        Assert.Equal(0, dashboard["oversold"]!.GetValue<int>());
    }

    [PostgresFact]
    public async Task ARepeatWithTheSameIdempotencyKeyGetsTheFirstAnswerWithoutRunningAgain()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await api.PostAsync("/api/v1/channels/pdd/orders", Fixtures.Read("pdd"));
        await api.SettledOrderAsync("pdd-260120-481516234200815");

        (HttpStatusCode first, JsonNode? body) = await api.PostAsync("/api/v1/orders/pdd-260120-481516234200815/cancel", new { reason = "dup test" }, key: "k-1");
        (HttpStatusCode repeat, JsonNode? replay) = await api.PostAsync("/api/v1/orders/pdd-260120-481516234200815/cancel", new { reason = "dup test" }, key: "k-1");
        (HttpStatusCode other, JsonNode? mismatch) = await api.PostAsync("/api/v1/orders/pdd-260120-481516234200815/cancel", new { reason = "other" }, key: "k-1");
        (HttpStatusCode fresh, JsonNode? _) = await api.PostAsync("/api/v1/orders/pdd-260120-481516234200815/cancel", new { reason = "dup test" }, key: "k-2");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first, repeat));
        Assert.Equal(body!.ToJsonString(), replay!.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other);
        Assert.Contains("k-1", mismatch!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, fresh);
    }
}
