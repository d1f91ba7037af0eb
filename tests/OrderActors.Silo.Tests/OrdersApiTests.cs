using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Testing;
using OrderActors.Silo.Tests.Support;

namespace OrderActors.Silo.Tests;

[Collection(SiloCollection.Name)]
public sealed class OrdersApiTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task AnOrderShowsItsLinesAllocationsTimelineAndExplanationWithTheReceiverMasked()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await api.PostAsync("/api/v1/channels/taobao/orders", Fixtures.Read("taobao"));

        JsonNode order = await api.SettledOrderAsync("taobao-4012345678901234567");

        Assert.Equal("138****5678", order["receiver"]!["phone"]!.GetValue<string>());
        Assert.Equal("***", order["shippingAddress"]!["detail"]!.GetValue<string>());
        Assert.DoesNotContain("13812345678", order.ToJsonString());
        JsonArray lines = order["lines"]!.AsArray();
        Assert.Equal(["MJ-NS-WAL-40", "MJ-PIL-LTX-STD"], lines.Select(l => l!["sku"]!.GetValue<string>()));
        Assert.Equal(2500, lines[1]!["orderDiscountShareFen"]!.GetValue<long>());
        Assert.All(lines, l => Assert.Equal(l!["quantity"]!.GetValue<int>(), l["allocations"]!.AsArray().Sum(a => a!["quantity"]!.GetValue<int>())));
        Assert.Equal(["Paid", "Reserved", "Allocated"], order["timeline"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()));
        Assert.NotEmpty(order["allocationExplanation"]!.AsArray());
    }

    [PostgresFact]
    public async Task TheListFiltersByStatusChannelAndWarehouseAndPages()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        foreach (string channel in new[] { "taobao", "jd", "pdd" })
        {
            await api.PostAsync($"/api/v1/channels/{channel}/orders", Fixtures.Read(channel));
        }
        await api.SettledOrderAsync("pdd-260120-481516234200815");

        (_, JsonNode? all) = await api.GetAsync("/api/v1/orders?pageSize=2");
        (_, JsonNode? second) = await api.GetAsync("/api/v1/orders?pageSize=2&page=2");
        (_, JsonNode? jd) = await api.GetAsync("/api/v1/orders?channel=jd");
        (_, JsonNode? allocated) = await api.GetAsync("/api/v1/orders?status=Allocated&warehouseId=WH-HZ");
        (HttpStatusCode bad, JsonNode? problem) = await api.GetAsync("/api/v1/orders?status=Lost&pageSize=500");

        Assert.Equal((3, 2, 1), (all!["total"]!.GetValue<int>(), all["items"]!.AsArray().Count, second!["items"]!.AsArray().Count));
        Assert.Equal("jd", Assert.Single(jd!["items"]!.AsArray())!["channel"]!.GetValue<string>());
        Assert.All(allocated!["items"]!.AsArray(), o => Assert.Contains("WH-HZ", o!["warehouseIds"]!.AsArray().Select(w => w!.GetValue<string>())));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("status") && problem["errors"]!.AsObject().ContainsKey("pageSize"));
    }

    [PostgresFact]
    public async Task ShippingNeedsATrackingNumberAndTheOrderCannotShipTwice()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await api.PostAsync("/api/v1/channels/jd/orders", Fixtures.Read("jd"));
        await api.SettledOrderAsync("jd-298765432101");

        (HttpStatusCode missing, JsonNode? validation) = await api.PostAsync("/api/v1/orders/jd-298765432101/ship", new { carrier = "SF" });
        (HttpStatusCode shipped, JsonNode? order) = await api.PostAsync("/api/v1/orders/jd-298765432101/ship", new { carrier = "SF", trackingNo = "SF1000001" });
        (HttpStatusCode again, JsonNode? conflict) = await api.PostAsync("/api/v1/orders/jd-298765432101/ship", new { carrier = "SF", trackingNo = "SF1000002" });
        (HttpStatusCode unknown, JsonNode? _) = await api.PostAsync("/api/v1/orders/jd-999/ship", new { carrier = "SF", trackingNo = "SF1000003" });

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.True(validation!["errors"]!.AsObject().ContainsKey("trackingNo"));
        Assert.Equal((HttpStatusCode.OK, "Shipped", "运输中"), (shipped, order!["status"]!.GetValue<string>(), order["customerStatus"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("Shipped", conflict!["currentStatus"]!.GetValue<string>());
        Assert.Equal("application/problem+json", (await api.Client.PostAsync("/api/v1/orders/jd-298765432101/cancel", null)).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [PostgresFact]
    public async Task CarrierEventsMoveAShippedOrderAndADeliveryThePlatformHasNotConfirmedIsFlagged()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await api.PostAsync("/api/v1/channels/douyin/orders", Fixtures.Read("douyin"));
        string orderId = (await api.GetAsync("/api/v1/orders?channel=douyin")).Body!["items"]![0]!["orderId"]!.GetValue<string>();
        await api.SettledOrderAsync(orderId);
        await api.PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "YTO", trackingNo = "YT5550001" });

        (HttpStatusCode unknown, JsonNode? _) = await api.PostAsync("/api/v1/carriers/YTO/tracking", new { trackingNo = "YT-NONE", @event = "picked_up" });
        (_, JsonNode? moving) = await api.PostAsync("/api/v1/carriers/YTO/tracking", new { trackingNo = "YT5550001", @event = "picked_up", at = DateTimeOffset.UtcNow });
        (_, JsonNode? delivered) = await api.PostAsync("/api/v1/carriers/YTO/tracking", new { trackingNo = "YT5550001", @event = "delivered", at = DateTimeOffset.UtcNow });
        (HttpStatusCode badEvent, JsonNode? _) = await api.PostAsync("/api/v1/carriers/YTO/tracking", new { trackingNo = "YT5550001", @event = "teleported" });
        (_, JsonNode? flaggedList) = await api.GetAsync("/api/v1/orders?holdCode=carrier_discrepancy");
        (_, JsonNode? dashboard) = await api.GetAsync("/api/v1/dashboard");
        (_, JsonNode? acknowledged) = await api.PostAsync($"/api/v1/orders/{orderId}/release-hold", new { note = "buyer confirmed" });

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("InTransit", moving!["status"]!.GetValue<string>());
        Assert.Equal("Delivered", delivered!["status"]!.GetValue<string>());
        JsonNode hold = Assert.Single(delivered["holds"]!.AsArray())!;
        Assert.Equal(("carrier_discrepancy", false), (hold["code"]!.GetValue<string>(), hold["blocking"]!.GetValue<bool>()));
        Assert.Equal(HttpStatusCode.BadRequest, badEvent);
        JsonNode listed = Assert.Single(flaggedList!["items"]!.AsArray())!;
        Assert.Contains("says delivered", listed["holds"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(1, dashboard!["holdsByCode"]!["carrier_discrepancy"]!.GetValue<long>());
        Assert.Equal("Delivered", acknowledged!["status"]!.GetValue<string>());
        Assert.Empty(acknowledged["holds"]!.AsArray());
    }

    [PostgresFact]
    public async Task ReleasingAHoldAllocatesThePaidOrderAndCancellingReleasesItsStock()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync(stock: 10);
        JsonNode held = JsonNode.Parse(Fixtures.MiniappOrder("MP-REL-1"))!;
        held["receiver"]!["phone"] = "12345";
        await api.PostAsync("/api/v1/channels/miniapp/orders", held.ToJsonString());

        (_, JsonNode? released) = await api.PostAsync("/api/v1/orders/miniapp-MP-REL-1/release-hold", new { note = "phone checked with buyer" });
        (_, JsonNode? cancelled) = await api.PostAsync("/api/v1/orders/miniapp-MP-REL-1/cancel", new { reason = "buyer cancelled" });
        (_, JsonNode? inventory) = await api.GetAsync("/api/v1/inventory/MJ-PIL-LTX-STD");

        Assert.Equal("Allocated", released!["status"]!.GetValue<string>());
        Assert.Contains(released["timeline"]!.AsArray(), t => t!["note"]?.GetValue<string>().Contains("phone checked", StringComparison.Ordinal) == true);
        Assert.Equal("Cancelled", cancelled!["status"]!.GetValue<string>());
        Assert.Equal(0, inventory!["warehouses"]!.AsArray().Sum(w => w!["reserved"]!.GetValue<int>()));
    }

    [PostgresFact]
    public async Task ReleasingAnUnmappedSkuHoldMapsTheLinesAgainAndStaysOnHoldUntilTheyMap_Issue13()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync(stock: 10);
        JsonNode payload = JsonNode.Parse(Fixtures.MiniappOrder("MP-REMAP-1"))!;
        payload["items"]![0]!["skuId"] = "MP-NEW-LISTING";
        await api.PostAsync("/api/v1/channels/miniapp/orders", payload.ToJsonString());

        (HttpStatusCode early, JsonNode? stillHeld) = await api.PostAsync("/api/v1/orders/miniapp-MP-REMAP-1/release-hold", new { note = "too soon" });
        await TenantApi.Ok(api.PutAsync("/api/v1/sku-mappings/miniapp/MP-NEW-LISTING", new { sku = "MJ-NS-WAL-40" }));
        (HttpStatusCode later, JsonNode? released) = await api.PostAsync("/api/v1/orders/miniapp-MP-REMAP-1/release-hold", new { note = "mapped the new listing" });
        (_, JsonNode? audit) = await api.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.OK, early);
        Assert.Equal("OnHold", stillHeld!["status"]!.GetValue<string>());
        Assert.Contains("MP-NEW-LISTING", Assert.Single(stillHeld["holds"]!.AsArray(), h => h!["code"]!.GetValue<string>() == "unmapped_sku")!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, later);
        Assert.Equal("Allocated", released!["status"]!.GetValue<string>());
        Assert.Equal("MJ-NS-WAL-40", released["lines"]![0]!["sku"]!.GetValue<string>());
        Assert.True(audit!["ok"]!.GetValue<bool>(), audit.ToJsonString());
    }

    [PostgresFact]
    public async Task ReleasingAnOrderWithALineWithoutAPlatformSkuIdKeepsItOnHold_Issue13()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync(stock: 10);
        JsonNode payload = JsonNode.Parse(Fixtures.MiniappOrder("MP-NOSKU-1"))!;
        payload["items"]![0]!["skuId"] = "";
        (_, JsonNode? accepted) = await api.PostAsync("/api/v1/channels/miniapp/orders", payload.ToJsonString());

        (HttpStatusCode status, JsonNode? released) = await api.PostAsync("/api/v1/orders/miniapp-MP-NOSKU-1/release-hold", new { note = "try anyway" });
        (_, JsonNode? again) = await api.GetAsync("/api/v1/orders/miniapp-MP-NOSKU-1");

        Assert.Equal("OnHold", accepted!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("OnHold", "OnHold"), (released!["status"]!.GetValue<string>(), again!["status"]!.GetValue<string>()));
        Assert.Contains(released["holds"]!.AsArray(), h => h!["code"]!.GetValue<string>() == "unmapped_sku");
    }

    [PostgresFact]
    public async Task CarrierCodesCompareCaseInsensitivelyBetweenShippingAndTracking_Issue13()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await api.PostAsync("/api/v1/channels/miniapp/orders", Fixtures.MiniappOrder("MP-CASE-1"));
        await api.SettledOrderAsync("miniapp-MP-CASE-1");
        await TenantApi.Ok(api.PostAsync("/api/v1/orders/miniapp-MP-CASE-1/ship", new { carrier = "SF", trackingNo = "SF7770001" }));

        (HttpStatusCode status, JsonNode? moving) = await api.PostAsync("/api/v1/carriers/sf/tracking", new { trackingNo = "SF7770001", @event = "picked_up" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("miniapp-MP-CASE-1", "InTransit"), (moving!["orderId"]!.GetValue<string>(), moving["status"]!.GetValue<string>()));
    }
}
