using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Access;

/// <summary>What the run needs in one tenant: an operator, and a connector for each channel it posts orders on.</summary>
public sealed record TenantNeeds(string Tenant, IReadOnlyList<Channel> Channels);

/// <summary>One API key the run created: its id, name, role and tenant. The key itself is never kept here.</summary>
public sealed record IssuedKey(string KeyId, string Name, string Role, string Tenant);

/// <summary>
/// The principals of the run, for the report: where the admin credential came from (never the credential), each key
/// created, and whether each was revoked at the end; <see cref="NotRevoked"/> says why for any that was not.
/// </summary>
public sealed record AccessReport(string AdminSource, IReadOnlyList<IssuedKey> Keys, int Revoked, IReadOnlyList<string> NotRevoked)
{
    public string Describe() =>
        NotRevoked.Count == 0
            ? $"{Keys.Count} API keys revoked"
            : $"{Revoked} of {Keys.Count} API keys revoked; NOT revoked (DELETE /api/v1/api-keys/{{keyId}} as an admin): {string.Join("; ", NotRevoked)}";
}
