using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrderActors.Silo.TestHost;

namespace OrderActors.Silo.Tests.Support;

/// <summary>Principals a test makes through the API with the bootstrap admin: API keys, users, their tokens.</summary>
public static class Principals
{
    /// <summary>A client of a new API key holding <paramref name="roles"/> in <paramref name="tenant"/> (sent as X-Tenant too).</summary>
    public static async Task<TenantApi> KeyAsync(SiloHost host, string tenant, params string[] roles)
    {
        string key = await CreateKeyAsync(host, tenant, roles);
        HttpClient client = host.ClientWith(key);
        if (tenant != "*")
        {
            client.DefaultRequestHeaders.Add("X-Tenant", tenant);
        }
        return new TenantApi(client, tenant);
    }

    /// <summary>A new API key's secret (shown once by the server).</summary>
    public static async Task<string> CreateKeyAsync(SiloHost host, string tenant, params string[] roles)
    {
        using HttpResponseMessage created = await host.Client.PostAsJsonAsync("/api/v1/api-keys",
            new { name = $"test-{string.Join('+', roles)}", roles, tenant });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonNode>())!["key"]!.GetValue<string>();
    }

    /// <summary>Creates (or replaces) a user with a password.</summary>
    public static async Task UserAsync(SiloHost host, string user, string password, string[] roles, string[] tenants)
    {
        using HttpResponseMessage put = await host.Client.PutAsJsonAsync($"/api/v1/users/{user}", new { password, roles, tenants });
        Assert.True(put.StatusCode == HttpStatusCode.OK, $"PUT user {user}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
    }

    /// <summary>Signs in and answers the bearer token.</summary>
    public static async Task<string> LoginAsync(SiloHost host, string user, string password)
    {
        using var anonymous = host.ClientWith(null);
        using HttpResponseMessage login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { user, password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"login {user}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        return (await login.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();
    }
}
