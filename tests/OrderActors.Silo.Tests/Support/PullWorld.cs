using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests.Support;

/// <summary>Platform orders built from the connectors' fixtures, and the calls the pull tests make against the hub.</summary>
public static class PullWorld
{
    /// <summary>A Taobao trade (the fixture's) with its own tid, buyer, street and times.</summary>
    public static FakeOrder TaobaoTrade(long tid, DateTimeOffset modified)
    {
        JsonNode trade = JsonNode.Parse(Fixtures.Read("taobao"))!["trade_fullinfo_get_response"]!["trade"]!;
        trade["tid"] = tid;
        trade["created"] = FakePlatform.Text(modified.AddMinutes(-2));
        trade["pay_time"] = FakePlatform.Text(modified.AddMinutes(-1));
        trade["modified"] = FakePlatform.Text(modified);
        trade["buyer_open_uid"] = $"buyer-{tid}";
        trade["receiver_address"] = $"文三路{tid % 1000}号";
        int line = 0;
        foreach (JsonNode? order in trade["orders"]!["order"]!.AsArray())
        {
            order!["oid"] = tid * 10 + ++line;
        }
        return new FakeOrder(tid.ToString(CultureInfo.InvariantCulture), modified, trade.ToJsonString());
    }

    /// <summary>The push of a Taobao trade: the fullinfo reply the connector reads.</summary>
    public static string TaobaoPush(FakeOrder order) => $"{{\"trade_fullinfo_get_response\":{{\"trade\":{order.Detail}}}}}";

    /// <summary>A Pinduoduo order (the fixture's order_info) with its own order_sn, street and times.</summary>
    public static FakeOrder PddOrder(string orderSn, DateTimeOffset modified)
    {
        JsonNode order = JsonNode.Parse(Fixtures.Read("pdd"))!["order_info_get_response"]!["order_info"]!;
        order["order_sn"] = orderSn;
        order["created_time"] = FakePlatform.Text(modified.AddMinutes(-2));
        order["confirm_time"] = FakePlatform.Text(modified.AddMinutes(-1));
        order["pay_time"] = FakePlatform.Text(modified.AddMinutes(-1));
        order["updated_at"] = FakePlatform.Text(modified);
        order["receiver_address"] = $"文三路{orderSn[^3..]}号";
        order["address"] = $"浙江省杭州市西湖区文三路{orderSn[^3..]}号";
        return new FakeOrder(orderSn, modified, order.ToJsonString());
    }

    /// <summary>The push of a Pinduoduo order: the order_info reply the connector reads.</summary>
    public static string PddPush(FakeOrder order) => $"{{\"order_info_get_response\":{{\"order_info\":{order.Detail}}}}}";

    /// <summary>The hub's order ids of a channel, as the order list has them (one entry per stored order).</summary>
    public static async Task<string[]> OrderIdsAsync(TenantApi api, string channel)
    {
        (HttpStatusCode status, JsonNode? body) = await api.GetAsync($"/api/v1/orders?channel={channel}&pageSize=200");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["items"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()).ToArray();
    }

    public static async Task<JsonNode> StatusAsync(TenantApi api, string channel)
    {
        (HttpStatusCode status, JsonNode? body) = await api.GetAsync($"/api/v1/channels/{channel}/pull");
        Assert.True(status == HttpStatusCode.OK, $"{(int)status} {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>Starts a catch-up and reads its run until it is no longer running.</summary>
    public static async Task<JsonNode> CatchUpAsync(TenantApi api, string channel, DateTimeOffset from, DateTimeOffset to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/pull")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { from, to }),
        };
        using HttpResponseMessage started = await api.Client.SendAsync(request);
        string text = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"{(int)started.StatusCode} {text}");
        string location = started.Headers.Location!.OriginalString;
        Assert.Equal($"/api/v1/channels/{channel}/pull/runs/{JsonNode.Parse(text)!["runId"]}", location);
        JsonNode? run = null;
        await Eventually.TrueAsync(async () =>
        {
            (HttpStatusCode status, JsonNode? body) = await api.GetAsync(location);
            run = body;
            return status == HttpStatusCode.OK && body!["state"]!.GetValue<string>() != "Running";
        }, TimeSpan.FromSeconds(60), $"catch-up {location} did not finish");
        return run!;
    }

    public static int Int(JsonNode node, string name) => node[name]!.GetValue<int>();
}
