using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderActors.Silo.Tests.Support;

/// <summary>A tenant's HTTP client with the calls tests make often, and helpers to set up a small world.</summary>
public sealed class TenantApi(HttpClient client, string tenant)
{
    public HttpClient Client { get; } = client;

    public string Tenant { get; } = tenant;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using HttpResponseMessage response = await Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, object? body = null, string? key = null) => SendAsync(HttpMethod.Post, path, body, key);

    /// <summary>Two warehouses near Hangzhou and Shanghai, the fixture order's two master SKUs with stock, mapped for every channel.</summary>
    public async Task SetUpWorldAsync(int stock = 100)
    {
        await Ok(PutAsync("/api/v1/warehouses/WH-SH", new { name = "上海仓", latitude = 31.23, longitude = 121.47, region = "华东", coldChain = true, dailyCapacity = 5000, backups = Array.Empty<string>() }));
        await Ok(PutAsync("/api/v1/warehouses/WH-HZ", new { name = "杭州冷链仓", latitude = 30.27, longitude = 120.15, region = "华东", coldChain = true, dailyCapacity = 5000, backups = new[] { "WH-SH" } }));
        foreach ((string sku, long price) in new[] { ("MJ-NS-WAL-40", 15000L), ("MJ-PIL-LTX-STD", 7500L) })
        {
            await Ok(PutAsync($"/api/v1/skus/{sku}", new { name = sku, coldChain = false, listPriceFen = price, buckets = 2 }));
            await Ok(PutAsync($"/api/v1/inventory/WH-HZ/{sku}", new { onHand = stock, safetyStock = 0 }));
            await Ok(PutAsync($"/api/v1/inventory/WH-SH/{sku}", new { onHand = stock, safetyStock = 0 }));
        }
        foreach ((string channel, string nightstand, string pillow) in Fixtures.PlatformSkus)
        {
            await Ok(PutAsync($"/api/v1/sku-mappings/{channel}/{nightstand}", new { sku = "MJ-NS-WAL-40" }));
            await Ok(PutAsync($"/api/v1/sku-mappings/{channel}/{pillow}", new { sku = "MJ-PIL-LTX-STD" }));
        }
    }

    /// <summary>Polls an order until it has left Paid/Reserved.</summary>
    public async Task<JsonNode> SettledOrderAsync(string orderId)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            (HttpStatusCode status, JsonNode? body) = await GetAsync($"/api/v1/orders/{orderId}");
            string? state = status == HttpStatusCode.OK ? body?["status"]?.GetValue<string>() : null;
            if (status == HttpStatusCode.OK && state is not ("Paid" or "Reserved"))
            {
                return body!;
            }
            Assert.True(DateTime.UtcNow < deadline, $"order {orderId} did not settle: {status} {state}");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonNode?> Ok(Task<(HttpStatusCode Status, JsonNode? Body)> call)
    {
        (HttpStatusCode status, JsonNode? body) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted, $"expected success, got {(int)status}: {body?.ToJsonString()}");
        return body;
    }
}
