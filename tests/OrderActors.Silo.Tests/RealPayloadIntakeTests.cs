using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests;

/// <summary>
/// Real-shaped platform orders through HTTP: a real order is never refused (it is held with a reason), a form push is
/// read like JSON, an encrypted receiver is allocated but not shipped until its decrypt result, and every payload
/// posted twice and out of order lands in a sane state.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class RealPayloadIntakeTests(SiloFixture silo)
{
    private const string Form = "application/x-www-form-urlencoded";

    [PostgresTheory]
    [InlineData("douyin", "real-encrypted-municipality.json", "douyin-6931234567890123456", "Allocated", "pii_encrypted")]
    [InlineData("meituan", "real-building-only.json", "meituan-27061900338399001", "Allocated", "")]
    [InlineData("meituan", "real-push.form", "meituan-27061900338399002", "Allocated", "")]
    [InlineData("jd", "real-odd-coupons.json", "jd-301234567890", "OnHold", "unknown_coupon")]
    [InlineData("pdd", "real-decimal-yuan.json", "pdd-261202-571234567890123", "Allocated", "")]
    public async Task ARealShapedOrderIsAcceptedWithExactlyTheExpectedHolds(string channel, string file, string orderId, string status, string holds)
    {
        TenantApi api = await WorldAsync();

        (HttpStatusCode code, JsonNode? accepted) = await PostPayloadAsync(api, channel, file);

        Assert.Equal(HttpStatusCode.Accepted, code);
        Assert.Equal(orderId, accepted!["orderId"]!.GetValue<string>());
        JsonNode order = await api.SettledOrderAsync(orderId);
        Assert.Equal(status, order["status"]!.GetValue<string>());
        Assert.Equal(holds.Length == 0 ? [] : holds.Split(','), order["holds"]!.AsArray().Select(h => h!["code"]!.GetValue<string>()));
    }

    [PostgresFact]
    public async Task AFormPushAndItsCoordinatesPlaceABuildingOnlyAddress()
    {
        TenantApi api = await WorldAsync();

        await PostPayloadAsync(api, "meituan", "real-push.form");

        JsonNode order = await api.SettledOrderAsync("meituan-27061900338399002");
        Assert.Equal(("北京市", "朝阳区"), (order["shippingAddress"]!["province"]!.GetValue<string>(), order["shippingAddress"]!["district"]!.GetValue<string>()));
        Assert.Equal(8050, order["amountFen"]!.GetValue<long>());
    }

    [PostgresFact]
    public async Task AnEncryptedReceiverIsAllocatedButShipsOnlyAfterTheDecryptResult()
    {
        TenantApi api = await WorldAsync();
        await PostPayloadAsync(api, "douyin", "real-encrypted-municipality.json");
        const string orderId = "douyin-6931234567890123456";
        JsonNode allocated = await api.SettledOrderAsync(orderId);
        Assert.Equal(("(encrypted)", true), (allocated["receiver"]!["phone"]!.GetValue<string>(), allocated["receiver"]!["encrypted"]!.GetValue<bool>()));

        (HttpStatusCode refused, JsonNode? problem) = await api.PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "SF", trackingNo = "SF100200300" });
        (HttpStatusCode stillRefused, JsonNode? _) = await api.PostAsync($"/api/v1/orders/{orderId}/release-hold", new { note = "try to skip the decrypt" });
        (HttpStatusCode stillCannotShip, JsonNode? _) = await api.PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "SF", trackingNo = "SF100200300" });
        (HttpStatusCode badDecrypt, JsonNode? badProblem) = await api.PostAsync($"/api/v1/orders/{orderId}/receiver", new { name = "李雷", phone = "" });
        (HttpStatusCode decrypted, JsonNode? afterDecrypt) = await api.PostAsync($"/api/v1/orders/{orderId}/receiver",
            new { name = "李雷", phone = "13912342468", detail = "望京街道阜通东大街6号" });
        (HttpStatusCode shipped, JsonNode? afterShip) = await api.PostAsync($"/api/v1/orders/{orderId}/ship", new { carrier = "SF", trackingNo = "SF100200300" });

        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Contains("decrypt", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillRefused);
        Assert.Equal(HttpStatusCode.Conflict, stillCannotShip);
        Assert.Equal(HttpStatusCode.BadRequest, badDecrypt);
        Assert.NotNull(badProblem!["errors"]!["phone"]);
        Assert.Equal(HttpStatusCode.OK, decrypted);
        Assert.Equal(("139****2468", false), (afterDecrypt!["receiver"]!["phone"]!.GetValue<string>(), afterDecrypt["receiver"]!["encrypted"]!.GetValue<bool>()));
        Assert.Empty(afterDecrypt["holds"]!.AsArray());
        Assert.Equal((HttpStatusCode.OK, "Shipped"), (shipped, afterShip!["status"]!.GetValue<string>()));
    }

    [PostgresTheory]
    [InlineData("taobao", "4012345678901234567", "event-paid.json,event-shipped.json,event-refund.json")]
    [InlineData("jd", "298765432101", "event-locked.json,event-shipped.json,event-cancelled.json")]
    [InlineData("pdd", "260120-481516234200815", "event-shipped.json,event-received.json,event-refund.json")]
    [InlineData("douyin", "6930123456789012345", "event-paid.json,event-refund.json,event-cancelled.json")]
    [InlineData("meituan", "27061900338318741", "event-shipped.json,event-refund.json,event-cancelled.json")]
    [InlineData("miniapp", "MP202601200815", "event-paid.json,event-delivered.json,event-refund.json")]
    public async Task EveryPayloadPostedTwiceAndOutOfOrderLandsInASaneState(string channel, string externalId, string events)
    {
        TenantApi api = await WorldAsync();
        string[] files = events.Split(',');
        var answers = new List<(string What, HttpStatusCode Status)>();

        foreach (string file in new[] { "order.json", "order.json" })
        {
            answers.Add((file, (await PostPayloadAsync(api, channel, file)).Status));
        }
        foreach (string file in files.Reverse().Concat(files).Concat(files.Reverse()))
        {
            (HttpStatusCode status, JsonNode? _) = await api.PostAsync($"/api/v1/channels/{channel}/orders/{externalId}/events", Fixtures.Read(channel, file));
            answers.Add((file, status));
        }

        Assert.All(answers, answer => Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{answer.What}: {(int)answer.Status}"));
        JsonNode order = (await api.GetAsync($"/api/v1/orders/{channel}-{externalId}")).Body!;
        Assert.NotEmpty(order["timeline"]!.AsArray());
        (_, JsonNode? list) = await api.GetAsync($"/api/v1/orders?channel={channel}");
        Assert.Equal(1, list!["total"]!.GetValue<int>());
        await Eventually.TrueAsync(async () => (await api.GetAsync("/api/v1/audit")).Body!["ok"]!.GetValue<bool>(), TimeSpan.FromSeconds(20));
    }

    [PostgresTheory]
    [InlineData("taobao", "trade_fullinfo_get_response.trade.receiver_state", "incomplete_address")]
    [InlineData("jd", "jingdong_pop_order_get_responce.orderDetailInfo.orderInfo.orderPayment", "unreadable_field")]
    [InlineData("pdd", "order_info_get_response.order_info.order_status", "unknown_status")]
    [InlineData("douyin", "data.shop_order_detail.create_time", "unreadable_field")]
    [InlineData("meituan", "data.recipient_phone", "invalid_phone")]
    [InlineData("miniapp", "receiver", "incomplete_address")]
    public async Task ABrokenBusinessFieldIsA202WithAHoldNeverA400(string channel, string path, string hold)
    {
        TenantApi api = await WorldAsync();
        JsonNode payload = JsonNode.Parse(Fixtures.Read(channel))!;
        string[] segments = path.Split('.');
        JsonNode parent = segments[..^1].Aggregate(payload, (node, name) => node[name]!);
        parent.AsObject()[segments[^1]] = new JsonObject { ["unexpected"] = true };

        (HttpStatusCode status, JsonNode? accepted) = await api.PostAsync($"/api/v1/channels/{channel}/orders", payload.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("OnHold", accepted!["status"]!.GetValue<string>());
        Assert.Contains(hold, accepted["holds"]!.AsArray().Select(h => h!["code"]!.GetValue<string>()));
    }

    [PostgresTheory]
    [InlineData("application/json", "{\"tid\":")]
    [InlineData(Form, "tid=1&orders=%7B")]
    [InlineData("application/json", "[1,2,3]")]
    public async Task ABodyThatIsNoOrderAtAllIsA400(string contentType, string body)
    {
        TenantApi api = silo.NewTenant();
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        using HttpResponseMessage response = await api.Client.PostAsync("/api/v1/channels/taobao/orders", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("errors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<TenantApi> WorldAsync()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await TenantApi.Ok(api.PutAsync("/api/v1/sku-mappings/douyin/1769876543210987654", new { sku = "MJ-PIL-LTX-STD" }));
        return api;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostPayloadAsync(TenantApi api, string channel, string file)
    {
        string text = Fixtures.Read(channel, file);
        using var content = new StringContent(text, Encoding.UTF8, file.EndsWith(".form", StringComparison.Ordinal) ? Form : "application/json");
        using HttpResponseMessage response = await api.Client.PostAsync($"/api/v1/channels/{channel}/orders", content);
        string body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? null : JsonNode.Parse(body));
    }
}
