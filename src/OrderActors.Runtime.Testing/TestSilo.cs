using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderActors.Runtime.Cluster;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Hosting;

namespace OrderActors.Runtime.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>, with the inspection and fault hooks tests need.</summary>
public sealed class TestSilo(IHost host)
{
    private bool _stopped;

    public IServiceProvider Services => host.Services;

    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    public string Name => host.Services.GetRequiredService<ILocalSiloDetails>().Name;

    /// <summary>The silo's cluster address (null for a lone silo).</summary>
    public SiloAddress? Address => host.Services.GetRequiredService<ILocalSiloDetails>().Address;

    public bool IsStopped => _stopped;

    /// <summary>How many activations live in this silo.</summary>
    public int ActivationCount => host.Services.GetRequiredService<Catalog>().Count;

    /// <summary>Whether this silo holds an activation of the grain.</summary>
    public bool HasActivation(GrainId grainId) => host.Services.GetRequiredService<Catalog>().TryGet(grainId, out _);

    /// <summary>The owner of a grain in this silo's current view of the cluster.</summary>
    public SiloAddress? OwnerOf(GrainId grainId) => host.Services.GetRequiredService<IGrainOwnership>().GetOwner(grainId);

    /// <summary>Runs the idle collector now with the given age, as the periodic collector would.</summary>
    public int CollectIdleActivations(TimeSpan age) => host.Services.GetRequiredService<ActivationCollector>().CollectIdle(age);

    /// <summary>Cuts the silo off from membership (no heartbeats, no view refresh) while it keeps serving.</summary>
    public void SimulatePartition(bool partitioned) => host.Services.GetRequiredService<ClusterMembership>().SimulatePartition(partitioned);

    /// <summary>Graceful stop: leaves the cluster, hands its grains over, deactivates.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
    }

    /// <summary>Ends the silo as a crash would: connections drop, activations vanish unsaved, membership is not told.</summary>
    public async Task KillAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await host.Services.GetServices<IHostedService>().OfType<Silo>().Single().KillAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
    }
}
