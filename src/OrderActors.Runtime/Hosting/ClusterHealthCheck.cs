using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrderActors.Runtime.Cluster;

namespace OrderActors.Runtime.Hosting;

/// <summary>Ready when this silo is a live member of its cluster's current view (always, for a lone silo).</summary>
public sealed class ClusterHealthCheck(IOptions<SiloOptions> options, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Cluster.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("lone silo"));
        }
        ClusterMembership membership = services.GetRequiredService<ClusterMembership>();
        SiloAddress? self = membership.SelfOrNull;
        MembershipView view = membership.View;
        return Task.FromResult(self is not null && view.Contains(self)
            ? HealthCheckResult.Healthy($"live member {self} of {view.Active.Length} (membership version {view.Version})")
            : HealthCheckResult.Unhealthy(self is null ? "not joined yet" : $"{self} is not in the live view (version {view.Version})"));
    }
}
