using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Hub;

namespace OrderActors.LoadTest.Access;

/// <summary>
/// The principals one run acts as, created through the API with the admin credential (POST /api/v1/api-keys):
/// per tenant an <c>operator</c> key and a <c>connector:{channel}</c> key for each channel it posts on. The admin
/// credential does nothing else. <see cref="RevokeAsync"/> deletes every key created (the runner calls it however
/// the run ended; a failed creation revokes what it had made before it throws). The keys live in memory only.
/// </summary>
public sealed class RunPrincipals
{
    private readonly HubClient _admin;
    private readonly string _adminSource;
    private readonly List<IssuedKey> _issued = [];
    private readonly Dictionary<string, TenantClients> _tenants = new(StringComparer.Ordinal);
    private AccessReport? _revoked;

    private RunPrincipals(HubClient admin, string adminSource)
    {
        _admin = admin;
        _adminSource = adminSource;
    }

    public IReadOnlyList<IssuedKey> Keys => _issued;

    /// <summary>Creates every key <paramref name="needs"/> asks for; a refusal revokes the ones already created and throws <see cref="SetupFailedException"/>.</summary>
    public static async Task<RunPrincipals> CreateAsync(HubClient admin, string adminSource, IEnumerable<TenantNeeds> needs, CancellationToken cancellationToken)
    {
        var principals = new RunPrincipals(admin, adminSource);
        try
        {
            foreach (TenantNeeds need in needs)
            {
                HubClient operatorClient = admin.As(need.Tenant, await principals.IssueAsync(need.Tenant, "operator", cancellationToken));
                var connectors = new Dictionary<Channel, HubClient>();
                foreach (Channel channel in need.Channels)
                {
                    connectors[channel] = admin.As(need.Tenant, await principals.IssueAsync(need.Tenant, $"connector:{channel.ToRouteName()}", cancellationToken));
                }
                principals._tenants[need.Tenant] = new TenantClients(need.Tenant, operatorClient, connectors);
            }
            return principals;
        }
        catch
        {
            await principals.RevokeAsync();
            throw;
        }
    }

    public TenantClients For(string tenant) =>
        _tenants.TryGetValue(tenant, out TenantClients? clients) ? clients : throw new InvalidOperationException($"no principals were created in tenant {tenant}");

    /// <summary>
    /// Deletes every key created, each tried once even when the run was cancelled (a key left behind would outlive the
    /// run); a second call answers what the first did.
    /// </summary>
    public async Task<AccessReport> RevokeAsync()
    {
        if (_revoked is not null)
        {
            return _revoked;
        }
        var notRevoked = new List<string>();
        foreach (IssuedKey key in _issued)
        {
            string? problem = await DeleteAsync(key);
            if (problem is not null)
            {
                notRevoked.Add($"{key.KeyId} ({key.Name}): {problem}");
            }
        }
        _revoked = new AccessReport(_adminSource, _issued.ToList(), _issued.Count - notRevoked.Count, notRevoked);
        return _revoked;
    }

    private async Task<BearerToken> IssueAsync(string tenant, string role, CancellationToken cancellationToken)
    {
        string name = $"loadtest {tenant} {role}";
        var body = new JsonObject { ["name"] = name, ["roles"] = new JsonArray(role), ["tenant"] = tenant };
        // No Idempotency-Key: the hub would keep the answer, and with it the key, to replay it.
        HubResponse response = await _admin.SendAsync(HttpMethod.Post, "/api/v1/api-keys", body.ToJsonString(), idempotencyKey: null, cancellationToken);
        if (response.StatusCode != 201)
        {
            throw new SetupFailedException($"POST /api/v1/api-keys ({role} in {tenant}) with the admin credential from {_adminSource} → {response.Problem}{Hint(response.StatusCode)}");
        }
        string? keyId = (string?)response.Body?["keyId"];
        string? key = (string?)response.Body?["key"];
        if (string.IsNullOrWhiteSpace(keyId) || string.IsNullOrWhiteSpace(key))
        {
            throw new SetupFailedException($"POST /api/v1/api-keys ({role} in {tenant}) answered 201 without keyId and key");
        }
        _issued.Add(new IssuedKey(keyId, name, role, tenant));
        return new BearerToken(key);
    }

    private async Task<string?> DeleteAsync(IssuedKey key)
    {
        try
        {
            HubResponse response = await _admin.SendAsync(HttpMethod.Delete, $"/api/v1/api-keys/{Uri.EscapeDataString(key.KeyId)}", body: null, idempotencyKey: null, CancellationToken.None);
            return response.IsSuccess ? null : response.Problem;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return exception.Message;
        }
    }

    private static string Hint(int status) => status switch
    {
        401 => ": the hub does not know this credential (a bootstrap admin.json belongs to the silo that wrote it)",
        403 => ": creating API keys needs the admin role",
        _ => "",
    };
}
