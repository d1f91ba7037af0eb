using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Testing;
using OrderActors.Silo.Tests.Support;

namespace OrderActors.Silo.Tests;

[Collection(SiloCollection.Name)]
public sealed class IntakeApiTests(SiloFixture silo)
{
    [PostgresTheory]
    [InlineData("taobao")]
    [InlineData("jd")]
    [InlineData("pdd")]
    [InlineData("douyin")]
    [InlineData("meituan")]
    public async Task EachPlatformsOwnPayloadIsAcceptedAndARepostIsADuplicate(string channel)
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();

        (HttpStatusCode status, JsonNode? first) = await api.PostAsync($"/api/v1/channels/{channel}/orders", Fixtures.Read(channel));
        (HttpStatusCode again, JsonNode? second) = await api.PostAsync($"/api/v1/channels/{channel}/orders", Fixtures.Read(channel));

        Assert.Equal(HttpStatusCode.Accepted, status);
        string orderId = first!["orderId"]!.GetValue<string>();
        Assert.StartsWith($"{channel}-", orderId);
        Assert.False(first["duplicate"]!.GetValue<bool>());
        Assert.Equal((HttpStatusCode.Accepted, orderId, true), (again, second!["orderId"]!.GetValue<string>(), second["duplicate"]!.GetValue<bool>()));
        JsonNode order = await api.SettledOrderAsync(orderId);
        Assert.Equal("Allocated", order["status"]!.GetValue<string>());
        Assert.Equal("待发货", order["customerStatus"]!.GetValue<string>());
        Assert.Equal(26000, order["amountFen"]!.GetValue<long>());
    }

    [PostgresFact]
    public async Task AMalformedPayloadIs400WithFieldErrorsAndNothingIsStored()
    {
        TenantApi api = silo.NewTenant();
        JsonNode payload = JsonNode.Parse(Fixtures.Read("jd"))!;
        JsonNode info = payload["jingdong_pop_order_get_responce"]!["orderDetailInfo"]!["orderInfo"]!;
        info["itemInfoList"]![0]!["itemTotal"] = "-2";
        info["orderId"] = "777000111";

        (HttpStatusCode status, JsonNode? problem) = await api.PostAsync("/api/v1/channels/jd/orders", payload.ToJsonString());
        (HttpStatusCode lookup, JsonNode? _) = await api.GetAsync("/api/v1/orders/jd-777000111");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(problem!["errors"]!.AsObject(), e => e.Key.Contains("itemTotal", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, lookup);
    }

    [PostgresTheory]
    [InlineData("/api/v1/channels/ebay/orders", "{}", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/channels/taobao/orders", "not json", HttpStatusCode.BadRequest)]
    public async Task AnUnknownChannelOrABodyThatIsNotJsonIsRefused(string path, string body, HttpStatusCode expected)
    {
        (HttpStatusCode status, JsonNode? _) = await silo.NewTenant().PostAsync(path, body);

        Assert.Equal(expected, status);
    }

    [PostgresFact]
    public async Task ABadPhoneAndAnUnmappedSkuPutTheOrderOnHoldWithReasonCodes()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        JsonNode payload = JsonNode.Parse(Fixtures.MiniappOrder("MP-HOLD-1"))!;
        payload["receiver"]!["phone"] = "12345";
        payload["items"]![0]!["skuId"] = "NOT-MAPPED";

        (_, JsonNode? accepted) = await api.PostAsync("/api/v1/channels/miniapp/orders", payload.ToJsonString());

        Assert.Equal("OnHold", accepted!["status"]!.GetValue<string>());
        string[] codes = accepted["holds"]!.AsArray().Select(h => h!["code"]!.GetValue<string>()).ToArray();
        Assert.Contains("invalid_phone", codes);
        Assert.Contains("unmapped_sku", codes);
    }

    [PostgresFact]
    public async Task PlatformEventsMoveTheOrderAndUnknownOrdersAre404()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        JsonNode unpaid = JsonNode.Parse(Fixtures.MiniappOrder("MP-PAY-1"))!;
        unpaid["status"] = "CREATED";
        unpaid.AsObject().Remove("paidAt");
        (_, JsonNode? accepted) = await api.PostAsync("/api/v1/channels/miniapp/orders", unpaid.ToJsonString());
        JsonNode paidEvent = JsonNode.Parse(Fixtures.Read("miniapp", "event-paid.json"))!;
        paidEvent["orderNo"] = "MP-PAY-1";

        (HttpStatusCode status, JsonNode? _) = await api.PostAsync("/api/v1/channels/miniapp/orders/MP-PAY-1/events", paidEvent.ToJsonString());
        (HttpStatusCode unknown, JsonNode? _) = await api.PostAsync("/api/v1/channels/miniapp/orders/MP-NOPE/events", paidEvent.ToJsonString().Replace("MP-PAY-1", "MP-NOPE"));

        Assert.Equal("PendingPayment", accepted!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Allocated", (await api.SettledOrderAsync("miniapp-MP-PAY-1"))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }
}
