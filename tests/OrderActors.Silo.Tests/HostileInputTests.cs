using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderActors.Testing;
using OrderActors.Silo.Tests.Support;

namespace OrderActors.Silo.Tests;

/// <summary>
/// Issue 13: hostile text and sizes get a clear 4xx (every 400 with its <c>errors</c> map) or, for a real platform
/// order, a hold; nothing half-applied and nothing the database cannot hold reaches it.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class HostileInputTests(SiloFixture silo)
{
    static HostileInputTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, byte[]> BadUtf8OnEveryChannel()
    {
        var data = new TheoryData<string, byte[]>();
        foreach (string channel in new[] { "taobao", "jd", "pdd", "douyin", "meituan", "miniapp" })
        {
            data.Add(channel, [0xFF]);
            data.Add(channel, [0xC0, 0xAF]);
            data.Add(channel, [0xE0, 0x80, 0xAF]);
            data.Add(channel, [0xB9, 0xE3, 0xB6, 0xAB]);
        }
        return data;
    }

    [PostgresTheory]
    [MemberData(nameof(BadUtf8OnEveryChannel))]
    public async Task BytesThatAreNotUtf8AreA400NamingTheBodyOnEveryChannel(string channel, byte[] bad)
    {
        string fixture = Fixtures.Read(channel);
        byte[] body = [.. "{\"x\":\""u8, .. bad, .. "\","u8, .. Encoding.UTF8.GetBytes(fixture.TrimStart()[1..])];

        (HttpStatusCode status, JsonNode? problem) = await PostBytesAsync(silo.NewTenant(), $"/api/v1/channels/{channel}/orders", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not UTF-8", problem!["errors"]!["$"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task AGbkBodyIsDecodedAndItsChineseReadRight()
    {
        TenantApi api = silo.NewTenant();
        string json = JsonNode.Parse(Fixtures.MiniappOrder("MP-GBK-1"))!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("工作日白天送货", json, StringComparison.Ordinal);
        byte[] gbk = Encoding.GetEncoding("gbk").GetBytes(json);

        (HttpStatusCode status, JsonNode? accepted) = await PostBytesAsync(api, "/api/v1/channels/miniapp/orders", gbk, "application/json; charset=gbk");
        (_, JsonNode? order) = await api.GetAsync("/api/v1/orders/miniapp-MP-GBK-1");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.DoesNotContain(accepted!["holds"]!.AsArray(), h => h!["code"]!.GetValue<string>() == "unreadable_field");
        Assert.Equal(("工作日白天送货", "浙江省", "西湖区"), (order!["buyerNote"]!.GetValue<string>(),
            order["shippingAddress"]!["province"]!.GetValue<string>(), order["shippingAddress"]!["district"]!.GetValue<string>()));
        Assert.StartsWith("王", order["receiver"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("application/json; charset=klingon", "Content-Type")]
    [InlineData("application/json; charset=gb18030", "body")]
    public async Task AnUnknownCharsetOrBytesThatAreNotTextInTheDeclaredOneAreA400(string contentType, string field)
    {
        byte[] body = [.. "{\"orderNo\":\""u8, 0x81, 0x20, .. "\"}"u8];

        (HttpStatusCode status, JsonNode? problem) = await PostBytesAsync(silo.NewTenant(), "/api/v1/channels/miniapp/orders", body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [PostgresTheory]
    [InlineData("\\u0000")]
    [InlineData("\\ud800")]
    [InlineData("\\udc00\\ud800")]
    public async Task APlatformNameTheDatabaseCannotHoldIsCleanedAndTheOrderHeldAndStored(string escape)
    {
        TenantApi api = silo.NewTenant();
        string orderNo = $"MP-TXT-{Math.Abs(escape.GetHashCode()):D}";
        JsonNode payload = JsonNode.Parse(Fixtures.MiniappOrder(orderNo))!;
        payload["receiver"]!["name"] = "王小明@@ESCAPE@@";
        string body = payload.ToJsonString().Replace("@@ESCAPE@@", escape, StringComparison.Ordinal);

        (HttpStatusCode status, JsonNode? accepted) = await api.PostAsync("/api/v1/channels/miniapp/orders", body);
        (HttpStatusCode stored, JsonNode? order) = await api.GetAsync($"/api/v1/orders/miniapp-{orderNo}");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Contains(accepted!["holds"]!.AsArray(), h => h!["code"]!.GetValue<string>() == "unreadable_field"
            && h["message"]!.GetValue<string>().Contains("receiver.name", StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, "OnHold"), (stored, order!["status"]!.GetValue<string>()));
    }

    [PostgresTheory]
    [InlineData("{\"reason\":\"买家\\u0000要求\"}", "U+0000")]
    [InlineData("{\"reason\":\"买家\\ud800\"}", "surrogate")]
    [InlineData("{\"reason\":\"买家\\udc00\\ud800\"}", "surrogate")]
    public async Task TextTheDatabaseCannotHoldInACancelReasonIsA400NamingTheFieldAndNothingChanges(string body, string fragment)
    {
        TenantApi api = silo.NewTenant();
        string orderNo = $"MP-CXL-{Math.Abs(body.GetHashCode()):D}";
        await TenantApi.Ok(api.PostAsync("/api/v1/channels/miniapp/orders", Fixtures.MiniappOrder(orderNo)));
        (_, JsonNode? before) = await api.GetAsync($"/api/v1/orders/miniapp-{orderNo}");

        (HttpStatusCode status, JsonNode? problem) = await api.PostAsync($"/api/v1/orders/miniapp-{orderNo}/cancel", body);
        (_, JsonNode? after) = await api.GetAsync($"/api/v1/orders/miniapp-{orderNo}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(fragment, problem!["errors"]!["reason"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before!["status"]!.GetValue<string>(), after!["status"]!.GetValue<string>());
        Assert.Equal(before["timeline"]!.AsArray().Count, after["timeline"]!.AsArray().Count);
    }

    [PostgresFact]
    public async Task InvalidUtf8InAnOperatorsBodyIsA400NamingTheField()
    {
        byte[] body = [.. "{\"reason\":\"a"u8, 0xC0, 0x80, .. "\"}"u8];

        (HttpStatusCode status, JsonNode? problem) = await PostBytesAsync(silo.NewTenant(), "/api/v1/orders/miniapp-X1/cancel", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("UTF-8", problem!["errors"]!["reason"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ACancelReasonOverTheLimitIsA400()
    {
        (HttpStatusCode status, JsonNode? problem) = await silo.NewTenant().PostAsync("/api/v1/orders/miniapp-X1/cancel", new { reason = new string('因', 501) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 500", problem!["errors"]!["reason"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task TenThousandLinesAreA400AndNothingIsStored()
    {
        TenantApi api = silo.NewTenant();
        JsonNode order = JsonNode.Parse(Fixtures.MiniappOrder("MP-LINES-1"))!;
        var items = new JsonArray();
        for (int i = 0; i < 10_000; i++)
        {
            items.Add(new JsonObject { ["skuId"] = "S", ["quantity"] = 1 });
        }
        order["items"] = items;

        (HttpStatusCode status, JsonNode? problem) = await api.PostAsync("/api/v1/channels/miniapp/orders", order.ToJsonString());
        (HttpStatusCode lookup, _) = await api.GetAsync("/api/v1/orders/miniapp-MP-LINES-1");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 500", problem!["errors"]!["items"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, lookup);
    }

    [PostgresFact]
    public async Task ABodyOverOneMebibyteIs413()
    {
        byte[] body = [.. "{\"x\":\""u8, .. Enumerable.Repeat((byte)'a', 2 * 1024 * 1024), .. "\"}"u8];

        (HttpStatusCode status, _) = await PostBytesAsync(silo.NewTenant(), "/api/v1/channels/miniapp/orders", body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [PostgresFact]
    public async Task AMillionCharacterReceiverNameIsHeldAndNotStoredWhole()
    {
        TenantApi api = silo.NewTenant();
        JsonNode order = JsonNode.Parse(Fixtures.MiniappOrder("MP-LONG-1"))!;
        order["receiver"]!["name"] = new string('A', 1_000_000);

        (HttpStatusCode status, JsonNode? accepted) = await api.PostAsync("/api/v1/channels/miniapp/orders", order.ToJsonString());
        (HttpStatusCode stored, JsonNode? read) = await api.GetAsync("/api/v1/orders/miniapp-MP-LONG-1");

        Assert.Equal(HttpStatusCode.Accepted, status);
        JsonNode hold = accepted!["holds"]!.AsArray().Single(h => h!["code"]!.GetValue<string>() == "unreadable_field")!;
        Assert.Contains("receiver.name: is 1000000 characters long: kept the first 1000", hold["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "OnHold"), (stored, read!["status"]!.GetValue<string>()));
        Assert.True(read.ToJsonString().Length < 20_000, $"the order reads back {read.ToJsonString().Length} characters long");
    }

    public static TheoryData<string, string, string> BindingFailures => new()
    {
        { "{\"carrier\":5,\"trackingNo\":\"SF1\"}", "carrier", "token type 'Number' as a string" },
        { "{\"carrier\":\"SF\",", "body", "reached end of data" },
        { "", "body", "is required: send a JSON object" },
        { "null", "body", "is required: send a JSON object" },
        { "[]", "body", "expected a JSON object" },
        { "\"SF\"", "body", "expected a JSON object" },
        { "{\"extra\":" + new string('[', 100) + new string(']', 100) + "}", "extra", "maximum configured depth of 64" },
    };

    [PostgresTheory]
    [MemberData(nameof(BindingFailures))]
    public async Task ABodyThatDoesNotBindIsA400WithFieldErrors(string body, string field, string fragment)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await silo.NewTenant().Client.PostAsync("/api/v1/orders/miniapp-X1/ship", content);
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string key = Assert.Single(problem["errors"]!.AsObject()).Key;
        string message = problem["errors"]![key]![0]!.GetValue<string>();
        Assert.True(key.StartsWith(field, StringComparison.Ordinal) && message.Contains(fragment, StringComparison.Ordinal), problem.ToJsonString());
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
    }

    [PostgresTheory]
    [InlineData("/api/v1/orders?from=yesterday", "from")]
    [InlineData("/api/v1/orders?pageSize=many", "pageSize")]
    [InlineData("/api/v1/orders?warehouseId=WH%00HZ", "warehouseId")]
    [InlineData("/api/v1/orders?holdCode=%ED%A0%80", "holdCode")]
    public async Task AQueryThatDoesNotBindOrHoldsNoIdIsA400NamingIt(string path, string field)
    {
        (HttpStatusCode status, JsonNode? problem) = await silo.NewTenant().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [PostgresTheory]
    [InlineData("Idempotency-Key", "k-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789")]
    [InlineData("X-Tenant", "Not A Tenant")]
    public async Task ABadHeaderOfAStateChangingCallIsA400NamingIt(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders/miniapp-X1/cancel");
        request.Headers.TryAddWithoutValidation(header, value);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", header == "Idempotency-Key" ? value : "k1");

        using HttpResponseMessage response = await silo.NewTenant().Client.SendAsync(request);
        JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![header]);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostBytesAsync(TenantApi api, string path, byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using HttpResponseMessage response = await api.Client.PostAsync(path, content);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
