using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderActors.LoadTest.Access;

namespace OrderActors.LoadTest.Tests.Support;

/// <summary>An API key the fake hub issued: its secret (so a test can look for it where it must not be), role, tenant and whether it was revoked.</summary>
public sealed class FakeKey(string keyId, string secret, string name, string role, string tenant)
{
    public string KeyId { get; } = keyId;

    public string Secret { get; } = secret;

    public string Name { get; } = name;

    public string Role { get; } = role;

    public string Tenant { get; } = tenant;

    public bool Revoked { get; set; }
}

/// <summary>One call the fake hub answered: who made it (admin, or the role of the key) and what it answered.</summary>
public sealed record FakeCall(string Method, string Path, string Tenant, string Caller, int Status);

/// <summary>
/// The access contract's part the load test meets: a bearer on every route (401 without a known one), POST and
/// DELETE /api/v1/api-keys for the admin, a key bound to its tenant (403 for another), channel intake for
/// <c>connector:{channel}</c> of that channel only, set-up, trips and reads for <c>operator</c>, and 429 with
/// Retry-After from the intake limit.
/// </summary>
public sealed partial class FakeHub
{
    private readonly ConcurrentDictionary<string, FakeKey> _keys = new(StringComparer.Ordinal);
    private int _keysIssued;
    private int _intakeCalls;

    /// <summary>The admin credential, as the bootstrap admin.json would hold it.</summary>
    public string AdminKey { get; } = $"oak_admin_{Guid.NewGuid():N}";

    public AdminCredential Admin => AdminCredential.FromToken(AdminKey, "the fake hub's admin key");

    public IReadOnlyCollection<FakeKey> Keys => _keys.Values.ToList();

    public ConcurrentQueue<FakeCall> Calls { get; } = new();

    /// <summary>Who is calling, or the answer that refuses the call.</summary>
    private (string Caller, (int, JsonNode?)? Refusal) Authorize(HttpRequestMessage request, string tenant, string path)
    {
        AuthenticationHeaderValue? authorization = request.Headers.Authorization;
        string? bearer = authorization?.Scheme == "Bearer" ? authorization.Parameter : null;
        if (bearer == AdminKey)
        {
            return ("admin", null);
        }
        if (bearer is null || !_keys.TryGetValue(bearer, out FakeKey? key) || key.Revoked)
        {
            return ("anonymous", (401, Problem(401, "no valid credential")));
        }
        if (key.Tenant != tenant)
        {
            return (key.Role, (403, Problem(403, $"the key does not hold tenant {tenant}")));
        }
        Match intake = Regex.Match(path, "^/api/v1/channels/([a-z]+)/");
        bool allowed = intake.Success
            ? key.Role == $"connector:{intake.Groups[1].Value}"
            : key.Role == "operator" && !path.StartsWith("/api/v1/api-keys", StringComparison.Ordinal);
        if (!allowed)
        {
            return (key.Role, (403, Problem(403, $"{key.Role} may not {request.Method} {path}")));
        }
        if (intake.Success && _faults.RateLimitEvery > 0 && Interlocked.Increment(ref _intakeCalls) % _faults.RateLimitEvery == 0)
        {
            return (key.Role, (429, Problem(429, "Try again in 1 s.")));
        }
        return (key.Role, null);
    }

    private (int, JsonNode?) CreateKey(JsonNode body)
    {
        if (_faults.RefuseKeysAfter is { } limit && Volatile.Read(ref _keysIssued) >= limit)
        {
            return (500, Problem(500, "key store unavailable"));
        }
        string keyId = $"k{Interlocked.Increment(ref _keysIssued)}";
        string secret = $"oak_{keyId}_{Guid.NewGuid():N}";
        string role = (string)body["roles"]![0]!;
        _keys[secret] = new FakeKey(keyId, secret, (string)body["name"]!, role, (string)body["tenant"]!);
        return (201, new JsonObject { ["keyId"] = keyId, ["key"] = secret, ["name"] = body["name"]!.DeepClone(), ["roles"] = body["roles"]!.DeepClone(), ["tenant"] = body["tenant"]!.DeepClone() });
    }

    private (int, JsonNode?) RevokeKey(string keyId)
    {
        FakeKey? key = _keys.Values.FirstOrDefault(candidate => candidate.KeyId == keyId);
        if (key is null)
        {
            return (404, Problem(404, "unknown key"));
        }
        key.Revoked = true;
        return (204, null);
    }
}
