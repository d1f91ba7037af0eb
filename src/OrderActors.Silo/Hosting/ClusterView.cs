using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace OrderActors.Silo.Hosting;

/// <summary>The cluster as operators see it (GET /api/v1/cluster): Orleans' membership, each silo's status and heartbeat.</summary>
public sealed record ClusterSnapshot(bool Clustered, string ClusterId, string Self, long Version, IReadOnlyList<ClusterMember> Members);

/// <summary>One silo of the membership table.</summary>
public sealed record ClusterMember(string SiloId, string? Name, string Endpoint, string Status, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt);

/// <summary>Reads Orleans' membership through the management grain (the membership table in cluster mode).</summary>
public sealed class ClusterView(IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails local, IOptions<HubSiloOptions> options)
{
    public async Task<ClusterSnapshot> GetAsync()
    {
        MembershipEntry[] hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        return new ClusterSnapshot(
            options.Value.Cluster.Enabled,
            options.Value.ClusterId,
            local.SiloAddress.ToParsableString(),
            membership.CurrentSnapshot.Version.Value,
            hosts.OrderBy(h => h.SiloName, StringComparer.Ordinal)
                .Select(h => new ClusterMember(h.SiloAddress.ToParsableString(), h.SiloName, h.SiloAddress.Endpoint.ToString(),
                    h.Status.ToString(), new DateTimeOffset(h.StartTime, TimeSpan.Zero), new DateTimeOffset(h.IAmAliveTime, TimeSpan.Zero)))
                .ToList());
    }
}
