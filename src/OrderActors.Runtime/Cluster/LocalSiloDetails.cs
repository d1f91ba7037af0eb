using Microsoft.Extensions.Options;

namespace OrderActors.Runtime.Cluster;

/// <summary>Who this silo is (as Orleans' ILocalSiloDetails).</summary>
public interface ILocalSiloDetails
{
    /// <summary>The configured silo name, or the machine name.</summary>
    string Name { get; }

    /// <summary>This silo's cluster address once it joined; null for a lone silo.</summary>
    SiloAddress? Address { get; }
}

internal sealed class LocalSiloDetails(IOptions<SiloOptions> options, IServiceProvider services) : ILocalSiloDetails
{
    public string Name { get; } = options.Value.SiloName ?? Environment.MachineName;

    public SiloAddress? Address =>
        options.Value.Cluster.Enabled ? ((ClusterMembership)services.GetService(typeof(ClusterMembership))!).SelfOrNull : null;
}
