using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Silo.Tests.Access;

/// <summary>Bearer tokens from sign-in, API keys, and what is refused: tampered, expired, foreign-signed and unsigned tokens, revoked keys, guessed passwords.</summary>
[Collection(SiloCollection.Name)]
public sealed class CredentialTests(SiloFixture silo)
{
    private const string Password = "correct horse battery";

    [PostgresFact]
    public async Task ASignInGivesAShortLivedTokenThatActsAsTheUserInItsTenant()
    {
        string user = NewName("op");
        string tenant = NewName("t");
        await Principals.UserAsync(silo.Host, user, Password, ["operator"], [tenant]);
        using HttpClient anonymous = silo.Host.ClientWith(null);

        using HttpResponseMessage login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { user, password = Password });
        JsonNode body = (await login.Content.ReadFromJsonAsync<JsonNode>())!;
        using HttpClient client = silo.Host.ClientWith(body["accessToken"]!.GetValue<string>());
        JsonNode me = (await client.GetFromJsonAsync<JsonNode>("/api/v1/auth/me"))!;

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.InRange(body["expiresAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal(["operator"], body["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal([tenant], body["tenants"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal((user, "user", tenant), (me["user"]!.GetValue<string>(), me["kind"]!.GetValue<string>(), me["tenant"]!.GetValue<string>()));
        Assert.Contains("breakers.write", me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.DoesNotContain("access.admin", me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Null(me["csrfToken"]);
    }

    [PostgresFact]
    public async Task AWrongPasswordAndAnUnknownUserGetTheSame401()
    {
        string user = NewName("op");
        await Principals.UserAsync(silo.Host, user, Password, ["viewer"], ["default"]);
        using HttpClient anonymous = silo.Host.ClientWith(null);

        using HttpResponseMessage wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { user, password = "not the password" });
        using HttpResponseMessage unknown = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { user = NewName("nobody"), password = Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await WithoutTraceAsync(wrong), await WithoutTraceAsync(unknown));
    }

    [PostgresFact]
    public async Task ATamperedTokenIsRefused()
    {
        string user = NewName("viewer");
        await Principals.UserAsync(silo.Host, user, Password, ["viewer"], ["default"]);
        string token = await Principals.LoginAsync(silo.Host, user, Password);
        string[] parts = token.Split('.');
        string payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"viewer\"", "\"admin\"", StringComparison.Ordinal);
        string promoted = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(token, "/api/v1/dashboard"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(promoted, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), "/api/v1/dashboard"));
    }

    [PostgresFact]
    public async Task ExpiredForeignSignedAndUnsignedTokensAreRefused()
    {
        byte[] key = Convert.FromBase64String(File.ReadAllText(Path.Combine(silo.Host.DataDirectory, "jwt-signing.key")).Trim());
        DateTime now = DateTime.UtcNow;

        string valid = Token(key, now.AddMinutes(-10), now.AddMinutes(10));
        string expired = Token(key, now.AddHours(-2), now.AddMinutes(-5));
        string foreign = Token(new byte[64], now.AddMinutes(-10), now.AddMinutes(10));
        string unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "orderactors",
            Audience = "orderactors",
            Subject = Identity(),
            Expires = now.AddMinutes(10),
        });

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(valid, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(expired, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(foreign, "/api/v1/users"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(unsigned, "/api/v1/users"));
    }

    [PostgresFact]
    public async Task AnApiKeyIsShownOnceWorksUntilRevokedAndIsRefusedRightAfter()
    {
        string tenant = NewName("t");
        using HttpResponseMessage created = await silo.Host.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "wms-bridge", roles = new[] { "operator" }, tenant });
        JsonNode body = (await created.Content.ReadFromJsonAsync<JsonNode>())!;
        string key = body["key"]!.GetValue<string>();
        string keyId = body["keyId"]!.GetValue<string>();
        string listed = await silo.Host.Client.GetStringAsync("/api/v1/api-keys");

        HttpStatusCode before = await StatusAsync(key, "/api/v1/dashboard");
        using HttpResponseMessage revoke = await silo.Host.Client.DeleteAsync($"/api/v1/api-keys/{keyId}");
        HttpStatusCode after = await StatusAsync(key, "/api/v1/dashboard");
        using HttpResponseMessage again = await silo.Host.Client.DeleteAsync($"/api/v1/api-keys/{keyId}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("oak_", key, StringComparison.Ordinal);
        Assert.Contains(keyId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(key[..^3] + "xyz", "/api/v1/dashboard"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("oak_not-a-key", "/api/v1/dashboard"));
    }

    [PostgresFact]
    public async Task RepeatedWrongPasswordsLockTheUserEvenAgainstTheRightOneAndOnlyThatUser()
    {
        string user = NewName("target");
        string bystander = NewName("other");
        await Principals.UserAsync(silo.Host, user, Password, ["operator"], ["default"]);
        await Principals.UserAsync(silo.Host, bystander, Password, ["operator"], ["default"]);
        using HttpClient anonymous = silo.Host.ClientWith(null);

        var guesses = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage guess = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { user, password = $"guess-{i}-wrong" });
            guesses.Add(guess.StatusCode);
        }
        using HttpResponseMessage right = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { user, password = Password });
        using HttpResponseMessage other = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { user = bystander, password = Password });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.InRange(right.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [PostgresFact]
    public async Task ATenantAdminCannotGrantAnotherTenantOrEveryTenant()
    {
        string tenant = NewName("t");
        TenantApi admin = await Principals.KeyAsync(silo.Host, tenant, "admin");

        (HttpStatusCode other, _) = await admin.PostAsync("/api/v1/api-keys", new { name = "x", roles = new[] { "viewer" }, tenant = "someone-else" });
        (HttpStatusCode every, _) = await admin.PutAsync($"/api/v1/users/{NewName("u")}", new { password = Password, roles = new[] { "admin" }, tenants = new[] { "*" } });
        (HttpStatusCode own, _) = await admin.PostAsync("/api/v1/api-keys", new { name = "x", roles = new[] { "viewer" }, tenant });
        (HttpStatusCode badRole, JsonNode? problem) = await admin.PostAsync("/api/v1/api-keys", new { name = "x", roles = new[] { "root" }, tenant });

        Assert.Equal(HttpStatusCode.Forbidden, other);
        Assert.Equal(HttpStatusCode.Forbidden, every);
        Assert.Equal(HttpStatusCode.Created, own);
        Assert.Equal(HttpStatusCode.BadRequest, badRole);
        Assert.Contains("not a role", problem!["errors"]!["roles"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<string> WithoutTraceAsync(HttpResponseMessage response)
    {
        JsonObject problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    private async Task<HttpStatusCode> StatusAsync(string token, string path)
    {
        using var client = new HttpClient { BaseAddress = silo.Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using HttpResponseMessage response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private static string Token(byte[] key, DateTime notBefore, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "orderactors",
        Audience = "orderactors",
        Subject = Identity(),
        IssuedAt = notBefore,
        NotBefore = notBefore,
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });

    private static ClaimsIdentity Identity() =>
        new([new Claim("sub", "forger"), new Claim("kind", "user"), new Claim("role", "admin"), new Claim("tenant", "*")]);

    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..16];
}
