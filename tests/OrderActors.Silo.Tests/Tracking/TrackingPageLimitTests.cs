using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Silo.TestHost;
using OrderActors.Silo.Tests.Support;
using OrderActors.Silo.Tracking;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests.Tracking;

/// <summary>Issue 16: the tracking page's per-address limit, and that it sets no cookie even when a session is renewed.</summary>
public sealed class TrackingPageLimitTests
{
    [PostgresFact]
    public async Task OneAddressOpeningTooManyPagesInAMinuteGetsA429PageThatIsNotCached()
    {
        await using SiloHost host = await SiloHost.StartAsync(new Dictionary<string, string?> { ["Hub:Tracking:PagesPerMinute"] = "3" });
        string token = host.Services.GetRequiredService<TrackingTokens>().Issue("default", "taobao-no-order");
        using HttpClient buyer = host.ClientWith(null);

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage page = await buyer.GetAsync($"/t/{token}");
            statuses.Add(page.StatusCode);
        }
        using HttpResponseMessage refused = await buyer.GetAsync("/t/x");
        using HttpResponseMessage api = await buyer.GetAsync("/healthz");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请稍后再试", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(refused.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [PostgresFact]
    public async Task ASessionCookieDueForRenewalIsRenewedByTheApiButNotByATrackingPage()
    {
        await using SiloHost host = await SiloHost.StartAsync(new Dictionary<string, string?> { ["Access:SessionLifetime"] = "00:00:10" });
        await Principals.UserAsync(host, "wang", "tracking-test-password", ["operator"], ["default"]);
        using HttpClient browser = new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = host.BaseAddress };
        using HttpResponseMessage signIn = await browser.PostAsJsonAsync("/api/v1/auth/session", new { user = "wang", password = "tracking-test-password" });
        string cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("oa_session=", StringComparison.Ordinal)).Split(';')[0];
        string token = host.Services.GetRequiredService<TrackingTokens>().Issue("default", "taobao-no-order");
        // Past half the lifetime, the cookie handler renews a session it reads.
        await Task.Delay(TimeSpan.FromSeconds(5.5));

        using HttpResponseMessage page = await SendWithAsync(browser, cookie, $"/t/{token}");
        using HttpResponseMessage me = await SendWithAsync(browser, cookie, "/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.False(page.Headers.Contains("Set-Cookie"), string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? set) ? set : []));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(me.Headers.GetValues("Set-Cookie"), c => c.StartsWith("oa_session=", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> SendWithAsync(HttpClient client, string cookie, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
