using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderActors.Runtime.Cluster;

/// <summary>Reads the cluster as operators see it: members, their status and heartbeats.</summary>
public interface IClusterInfo
{
    Task<ClusterSnapshot> GetAsync();
}

/// <summary>The membership table at one version, and who is asking.</summary>
public sealed record ClusterSnapshot(bool Clustered, string ClusterId, string Self, long Version, IReadOnlyList<ClusterMember> Members);

/// <summary>One row of the membership table.</summary>
public sealed record ClusterMember(string SiloId, string? Name, string Endpoint, string Status, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt);

internal sealed class ClusterInfo(IOptions<SiloOptions> options, IServiceProvider services, ILocalSiloDetails local) : IClusterInfo
{
    public async Task<ClusterSnapshot> GetAsync()
    {
        if (!options.Value.Cluster.Enabled)
        {
            return new ClusterSnapshot(false, options.Value.ClusterId, local.Name, 0, []);
        }
        ClusterMembership membership = services.GetRequiredService<ClusterMembership>();
        (long version, IReadOnlyList<MemberEntry> members) = await membership.ReadTableAsync();
        return new ClusterSnapshot(true, options.Value.ClusterId, membership.SelfOrNull?.Id ?? local.Name, version,
            members.Select(m => new ClusterMember(m.Address.Id, m.Name, m.Address.Endpoint, m.Status, m.StartedAt, m.HeartbeatAt)).ToList());
    }
}
