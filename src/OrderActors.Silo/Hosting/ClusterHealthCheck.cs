using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace OrderActors.Silo.Hosting;

/// <summary>Ready when this silo is an active member of Orleans' current membership view.</summary>
public sealed class ClusterHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ClusterMembershipSnapshot view = membership.CurrentSnapshot;
        SiloStatus status = view.GetSiloStatus(local.SiloAddress);
        int active = view.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"active member {local.SiloAddress} of {active} (membership version {view.Version.Value})")
            : HealthCheckResult.Unhealthy($"{local.SiloAddress} is {status} in membership version {view.Version.Value}"));
    }
}
