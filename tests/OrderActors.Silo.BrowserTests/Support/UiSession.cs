using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace OrderActors.Silo.BrowserTests.Support;

/// <summary>
/// A signed-in browser page on the admin UI (in a browser context of its own) and an admin API client for the
/// same tenant, to arrange and to check what the page did.
/// </summary>
public sealed class UiSession(IBrowserContext context, IPage page, HttpClient api, string tenant, string user) : IAsyncDisposable
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(120);

    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public HttpClient Api { get; } = api;

    public string Tenant { get; } = tenant;

    /// <summary>Who the page is signed in as (order timelines name it <c>operator:{user}</c>).</summary>
    public string User { get; } = user;

    /// <summary>Opens a view (`#/breakers`, `#/order/ID` …) and waits until its live connection is up.</summary>
    public async Task OpenAsync(string hash)
    {
        await Page.GotoAsync("/" + hash);
        await Assertions.Expect(Page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        using HttpResponseMessage response = await Api.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<JsonNode> PostAsync(string path, object body)
    {
        using HttpResponseMessage response = await Api.PostAsJsonAsync(path, body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>
    /// The orders the demo places besides the ones asked for: two delivered mini-program orders to try after-sales on
    /// (a 满300减50 coupon, one with a gift), in every tenant it seeds with orders.
    /// </summary>
    public const int DemoAfterSalesOrders = 2;

    /// <summary>
    /// Loads demo data through the API and waits until every paid order has been allocated or held; answers how many
    /// orders the tenant then has (<paramref name="orders"/> and the <see cref="DemoAfterSalesOrders"/>).
    /// </summary>
    public async Task<int> SeedDemoAsync(int orders)
    {
        JsonNode result = await PostAsync("/api/v1/demo", new { orders });
        int placed = orders + result["returnableOrders"]!.AsArray().Count;
        Assert.Equal(orders == 0 ? 0 : orders + DemoAfterSalesOrders, placed);
        await WaitUntilSettledAsync(placed);
        return placed;
    }

    /// <summary>Allocation runs after intake: waits until all orders are in and none is still Paid or Reserved.</summary>
    public async Task WaitUntilSettledAsync(int orders)
    {
        DateTime deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            JsonNode dashboard = await GetAsync("/api/v1/dashboard");
            JsonObject byStatus = dashboard["ordersByStatus"]!.AsObject();
            bool settled = dashboard["totalOrders"]!.GetValue<long>() >= orders && !byStatus.ContainsKey("Paid") && !byStatus.ContainsKey("Reserved");
            if (settled)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"orders did not settle within {SettleTimeout}: {dashboard.ToJsonString()}");
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        Api.Dispose();
    }
}
