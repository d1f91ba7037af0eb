using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests.Access;

/// <summary>The admin UI's cookie session: an HttpOnly SameSite=Strict cookie, and a CSRF token on every change.</summary>
[Collection(SiloCollection.Name)]
public sealed class SessionTests(SiloFixture silo)
{
    private const string Password = "correct horse battery";

    [PostgresFact]
    public async Task TheSessionCookieIsHttpOnlyAndStrictAndActsAsTheUser()
    {
        (HttpClient browser, _, string user, string tenant) = await SignedInAsync();

        using HttpClient plain = silo.Host.ClientWith(null);
        using HttpResponseMessage again = await plain.PostAsJsonAsync("/api/v1/auth/session", new { user, password = Password });
        string cookie = again.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("oa_session=", StringComparison.Ordinal));
        JsonNode me = (await browser.GetFromJsonAsync<JsonNode>("/api/v1/auth/me"))!;

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((user, tenant), (me["user"]!.GetValue<string>(), me["tenant"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(me["csrfToken"]?.GetValue<string>()));
    }

    [PostgresFact]
    public async Task AChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing()
    {
        (HttpClient browser, string csrf, _, string tenant) = await SignedInAsync();
        TenantApi setup = await Principals.KeyAsync(silo.Host, tenant, "admin");
        await setup.SetUpWorldAsync();

        using HttpResponseMessage forged = await browser.PostAsJsonAsync("/api/v1/warehouses/WH-SH/breaker/trip", new { reason = "forged" });
        JsonNode? problem = await forged.Content.ReadFromJsonAsync<JsonNode>();
        (_, JsonNode? untouched) = await setup.GetAsync("/api/v1/warehouses/WH-SH");
        using var honest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/warehouses/WH-SH/breaker/trip") { Content = JsonContent.Create(new { reason = "drill" }) };
        honest.Headers.Add("X-CSRF-Token", csrf);
        using HttpResponseMessage tripped = await browser.SendAsync(honest);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Missing or invalid CSRF token", problem!["title"]!.GetValue<string>());
        Assert.Equal("Closed", untouched!["breaker"]!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, tripped.StatusCode);
    }

    [PostgresFact]
    public async Task AnotherSessionsCsrfTokenDoesNotPass()
    {
        (HttpClient mine, _, _, _) = await SignedInAsync();
        (_, string theirs, _, _) = await SignedInAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/warehouses/WH-SH/breaker/reset");
        request.Headers.Add("X-CSRF-Token", theirs);
        using HttpResponseMessage response = await mine.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [PostgresFact]
    public async Task SigningOutEndsTheSession()
    {
        (HttpClient browser, string csrf, _, _) = await SignedInAsync();

        using HttpResponseMessage withoutToken = await browser.DeleteAsync("/api/v1/auth/session");
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/auth/session");
        signOut.Headers.Add("X-CSRF-Token", csrf);
        using HttpResponseMessage closed = await browser.SendAsync(signOut);
        using HttpResponseMessage after = await browser.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    /// <summary>A browser-like client (it keeps cookies) signed in as a new operator of a new tenant, and its CSRF token.</summary>
    private async Task<(HttpClient Browser, string Csrf, string User, string Tenant)> SignedInAsync()
    {
        string user = $"ui-{Guid.NewGuid():N}"[..14];
        string tenant = $"t-{Guid.NewGuid():N}"[..14];
        await Principals.UserAsync(silo.Host, user, Password, ["operator"], [tenant]);
        var browser = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = silo.Host.BaseAddress };
        using HttpResponseMessage session = await browser.PostAsJsonAsync("/api/v1/auth/session", new { user, password = Password });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        JsonNode me = (await browser.GetFromJsonAsync<JsonNode>("/api/v1/auth/me"))!;
        return (browser, me["csrfToken"]!.GetValue<string>(), user, tenant);
    }
}
