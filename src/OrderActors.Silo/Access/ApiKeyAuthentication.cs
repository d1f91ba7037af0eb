using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OrderActors.Silo.Access;

/// <summary>
/// <c>Authorization: Bearer oak_…</c>: a machine's API key. A validated key is trusted for
/// <see cref="AccessOptions.ApiKeyCacheTime"/> before it is read again; revoking evicts it on this silo at once.
/// </summary>
public sealed partial class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory loggers, UrlEncoder encoder,
    IAccessStore store, ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.Of(Request) is not { } token || !ApiKeys.LooksLikeKey(token))
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiKeys.TryParse(token, out string? keyId, out string? secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }
        ApiKeyRecord? key = await cache.GetAsync(keyId, () => store.FindApiKeyAsync(keyId));
        if (key is null || !ApiKeys.Matches(key, secret))
        {
            LogRefused(Logger, keyId);
            return AuthenticateResult.Fail("Unknown API key.");
        }
        if (key.RevokedAt is not null)
        {
            LogRevoked(Logger, keyId);
            return AuthenticateResult.Fail("The API key was revoked.");
        }
        var principal = new HubPrincipal($"key:{key.Name}", HubPrincipal.ApiKeyKind, key.Roles, [key.Tenant]);
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(principal.ToIdentity(SchemeName)), SchemeName));
    }

    [LoggerMessage(EventId = 3410, Level = LogLevel.Warning, Message = "API key {KeyId} refused: unknown or wrong secret")]
    private static partial void LogRefused(ILogger logger, string keyId);

    [LoggerMessage(EventId = 3411, Level = LogLevel.Warning, Message = "API key {KeyId} refused: revoked")]
    private static partial void LogRevoked(ILogger logger, string keyId);
}

/// <summary>API keys read recently, by id.</summary>
public sealed class ApiKeyCache(IMemoryCache cache, IOptions<AccessOptions> options)
{
    public async Task<ApiKeyRecord?> GetAsync(string keyId, Func<Task<ApiKeyRecord?>> read)
    {
        if (cache.TryGetValue(CacheKey(keyId), out ApiKeyRecord? cached))
        {
            return cached;
        }
        ApiKeyRecord? key = await read();
        if (key is not null)
        {
            cache.Set(CacheKey(keyId), key, options.Value.ApiKeyCacheTime);
        }
        return key;
    }

    public void Evict(string keyId) => cache.Remove(CacheKey(keyId));

    private static string CacheKey(string keyId) => $"api-key:{keyId}";
}

/// <summary>The token of an <c>Authorization: Bearer</c> header.</summary>
public static class BearerToken
{
    public static string? Of(HttpRequest request)
    {
        string? header = request.Headers.Authorization.FirstOrDefault();
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
