using OrderActors.LoadTest.Access;

namespace OrderActors.LoadTest.Hub;

/// <summary>
/// Where the hub is and how to talk to it: one or more silo URLs (requests are spread over them), the tenant every
/// call carries, the connection bound, the per-request timeout and how many times a call that could not reach a
/// silo is tried in all.
/// </summary>
public sealed record HubClientOptions(IReadOnlyList<Uri> Servers, string Tenant, int MaxConnections, TimeSpan RequestTimeout, int MaxAttempts = 6)
{
    /// <summary>How long a silo that refused a connection is passed over before it is tried again.</summary>
    public TimeSpan DownFor { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The principal every call speaks as (Authorization: Bearer); null sends none.</summary>
    public BearerToken? Credential { get; init; }
}
