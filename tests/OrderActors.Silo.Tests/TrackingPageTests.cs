using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Silo.Tests.Support;
using OrderActors.Silo.Tracking;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests;

/// <summary>Issue 16: the buyer's tracking page, opened from the order's <c>trackingUrl</c> without any credential.</summary>
[Collection(SiloCollection.Name)]
public sealed class TrackingPageTests(SiloFixture silo)
{
    private const string OrderId = "taobao-4012345678901234567";
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    [PostgresFact]
    public async Task AShippedOrdersPageShowsTheStagesTheirTimesAndTheCarrierEventsNewestFirstWithTheReceiverMasked()
    {
        TenantApi api = silo.NewTenant();
        JsonNode order = await ShippedOrderAsync(api, "SF2000001");
        await TenantApi.Ok(api.PostAsync("/api/v1/carriers/SF/tracking", new { trackingNo = "SF2000001", @event = "picked_up", at = "2026-01-21T02:05:00Z" }));
        await TenantApi.Ok(api.PostAsync("/api/v1/carriers/SF/tracking", new { trackingNo = "SF2000001", @event = "out_for_delivery", at = "2026-01-22T01:30:00Z" }));
        string url = order["trackingUrl"]!.GetValue<string>();
        using HttpClient buyer = AnonymousClient();

        using HttpResponseMessage response = await buyer.GetAsync(url);
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"{silo.Host.BaseAddress.ToString().TrimEnd('/')}/t/{api.Tenant}.{OrderId}.", url, StringComparison.Ordinal);
        Assert.Equal(16, url.Length - url.LastIndexOf('.') - 1);
        Assert.Equal(["待付款", "待发货", "运输中", "已完成"], Stages(html).Select(s => s.Label));
        Assert.Equal(["done", "done", "current", "pending"], Stages(html).Select(s => s.State));
        Assert.Contains("data-stage=\"InTransit\" aria-current=\"step\"", html, StringComparison.Ordinal);
        // The fixture's China times: created 2026-01-20 20:15:30, paid 20:16:05; shipped when the test shipped it.
        string shippedAt = China(order["timeline"]!.AsArray().First(t => t!["status"]!.GetValue<string>() == "Shipped")!["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["01月20日 20:15", "01月20日 20:16", shippedAt, ""], Stages(html).Select(s => s.Time));
        Assert.Contains("顺丰速运", html, StringComparison.Ordinal);
        Assert.Contains("SF2000001", html, StringComparison.Ordinal);
        Assert.Equal(["01月22日 09:30 派送中", "01月21日 10:05 快递员已揽收"], Events(html));
        Assert.Contains("淘宝/天猫", html, StringComparison.Ordinal);
        Assert.Contains("王** · 138****5678 · 浙江省杭州市西湖区 ***", html, StringComparison.Ordinal);
        foreach (string secret in new[] { "13812345678", "王小明", "文三路", "398号", "西溪街道", "310013", "260.00", "26000", "MJ-NS-WAL-40" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task ThePageIsNotCachedSetsNoCookieAndRunsUnderThePolicyWithoutScript()
    {
        TenantApi api = silo.NewTenant();
        JsonNode order = await ShippedOrderAsync(api, "SF2000002");
        using HttpClient buyer = AnonymousClient();

        using HttpResponseMessage page = await buyer.GetAsync(order["trackingUrl"]!.GetValue<string>());
        string html = await page.Content.ReadAsStringAsync();
        using HttpResponseMessage css = await buyer.GetAsync("/css/tracking.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, $"Cache-Control: {page.Headers.CacheControl}");
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.Contains("script-src 'self'", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/tracking.css\">", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [PostgresFact]
    public async Task TamperedTruncatedForeignAndGarbageTokensAllGetTheSameNotFoundPage()
    {
        TenantApi api = silo.NewTenant();
        TenantApi other = silo.NewTenant();
        string url = (await ShippedOrderAsync(api, "SF2000003"))["trackingUrl"]!.GetValue<string>();
        await other.SetUpWorldAsync();
        await other.PostAsync("/api/v1/channels/taobao/orders", Fixtures.Read("taobao"));
        await other.SettledOrderAsync(OrderId);
        string token = url[(url.LastIndexOf('/') + 1)..];
        string mac = token[(token.LastIndexOf('.') + 1)..];
        string issuedForNothing = silo.Host.Services.GetRequiredService<TrackingTokens>().Issue(api.Tenant, "taobao-no-such-order");
        using HttpClient buyer = AnonymousClient();
        string[] refused =
        [
            token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            token.Replace(".taobao-4012", ".taobao-4013", StringComparison.Ordinal),
            $"{other.Tenant}.{OrderId}.{mac}",
            token[..^1],
            token[..token.LastIndexOf('.')],
            token + "A",
            issuedForNothing,
            "x",
            "...",
            Uri.EscapeDataString("<script>alert(1)</script>"),
            Uri.EscapeDataString("王小明.订单.签名"),
            new string('A', 500),
        ];

        using HttpResponseMessage valid = await buyer.GetAsync($"/t/{token}");
        string notFound = await (await buyer.GetAsync("/t/x")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Contains("链接无效", notFound, StringComparison.Ordinal);
        foreach (string bad in refused)
        {
            using HttpResponseMessage response = await buyer.GetAsync($"/t/{bad}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"/t/{bad} → {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore, $"/t/{bad}: Cache-Control {response.Headers.CacheControl}");
            Assert.Equal(notFound, await response.Content.ReadAsStringAsync());
        }
    }

    [PostgresFact]
    public async Task ThePageNeedsNoCredentialAndIgnoresABadOneWhileTheApiStillRefusesBoth()
    {
        TenantApi api = silo.NewTenant();
        string url = (await ShippedOrderAsync(api, "SF2000004"))["trackingUrl"]!.GetValue<string>();
        using HttpClient anonymous = AnonymousClient();
        using HttpClient forged = AnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "oak_forged-key");

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await forged.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/orders/{OrderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"/api/v1/orders/{OrderId}")).StatusCode);
    }

    [PostgresFact]
    public async Task ACancelledOrderSaysSoAndNoStageIsCurrent()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        await api.PostAsync("/api/v1/channels/taobao/orders", Fixtures.Read("taobao"));
        await api.SettledOrderAsync(OrderId);
        JsonNode cancelled = (await TenantApi.Ok(api.PostAsync($"/api/v1/orders/{OrderId}/cancel", new { reason = "买家要求取消" })))!;
        using HttpClient buyer = AnonymousClient();

        string html = await buyer.GetStringAsync(cancelled["trackingUrl"]!.GetValue<string>());

        string at = China(cancelled["timeline"]!.AsArray().Last()!["at"]!.GetValue<DateTimeOffset>());
        Assert.Matches($"<p class=\"status-note cancelled\">已取消 <time datetime=\"[^\"]+\">{at}</time></p>", html);
        Assert.Equal(["done", "done", "pending", "pending"], Stages(html).Select(s => s.State));
        Assert.DoesNotContain("aria-current", html, StringComparison.Ordinal);
        Assert.Contains("商家发货后", html, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> ShippedOrderAsync(TenantApi api, string trackingNo)
    {
        await api.SetUpWorldAsync();
        await api.PostAsync("/api/v1/channels/taobao/orders", Fixtures.Read("taobao"));
        await api.SettledOrderAsync(OrderId);
        return (await TenantApi.Ok(api.PostAsync($"/api/v1/orders/{OrderId}/ship", new { carrier = "SF", trackingNo })))!;
    }

    /// <summary>A buyer's phone: no credential, and Set-Cookie left in the headers where a test can see it.</summary>
    private HttpClient AnonymousClient() =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = silo.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    private static string China(DateTimeOffset at) => at.ToOffset(ChinaTime).ToString("MM'月'dd'日' HH:mm", CultureInfo.InvariantCulture);

    private static List<(string Label, string State, string Time)> Stages(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html,
                "<li class=\"stage (?<state>\\w+)\"[^>]*><span class=\"label\">(?<label>[^<]+)</span>(?: <time[^>]*>(?<time>[^<]+)</time>)?</li>")
            .Select(m => (m.Groups["label"].Value, m.Groups["state"].Value, m.Groups["time"].Value))
            .ToList();

    private static List<string> Events(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<li> <time[^>]*>(?<time>[^<]+)</time><span class=\"event\">(?<event>[^<]+)</span></li>")
            .Select(m => $"{m.Groups["time"].Value} {m.Groups["event"].Value}")
            .ToList();
}
