using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>, with the inspection hooks tests need.</summary>
public sealed class TestSilo(IHost host)
{
    private bool _stopped;

    public IServiceProvider Services => host.Services;

    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>How many activations live in this silo.</summary>
    public int ActivationCount => host.Services.GetRequiredService<Catalog>().Count;

    /// <summary>Whether this silo holds an activation of the grain.</summary>
    public bool HasActivation(GrainId grainId) => host.Services.GetRequiredService<Catalog>().TryGet(grainId, out _);

    /// <summary>Runs the idle collector now with the given age, as the periodic collector would.</summary>
    public int CollectIdleActivations(TimeSpan age) => host.Services.GetRequiredService<ActivationCollector>().CollectIdle(age);

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await host.StopAsync();
        host.Dispose();
    }
}
