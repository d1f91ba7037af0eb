using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Runtime.Cluster.Transport;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Invocation;

namespace OrderActors.Runtime.Cluster;

/// <summary>
/// The silo's life as a cluster member: listens, joins, hands over grains it no longer owns when
/// membership changes, stops serving when declared dead, and leaves gracefully (forwarding its queues).
/// </summary>
internal sealed class ClusterAgent(
    IOptions<SiloOptions> options,
    ClusterMembership membership,
    SiloTransport transport,
    GrainCallRouter router,
    Catalog catalog,
    IHostApplicationLifetime lifetime,
    ILogger<ClusterAgent> logger)
{
    private volatile bool _dead;

    public bool IsDead => _dead;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        transport.AttachRouter(router.Route);
        await transport.StartAsync(cancellationToken);
        var self = new SiloAddress(options.Value.Cluster.AdvertisedHost, transport.BoundPort, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        membership.OwnershipChanged += HandOverGrains;
        membership.DeclaredDead += StopServing;
        await membership.JoinAsync(self);
    }

    public Task RunAsync(CancellationToken stopping) => membership.RunAsync(stopping);

    /// <summary>Leaves the view first, so grains move and queued calls follow them; returns once no activation is left.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (_dead)
        {
            return;
        }
        await membership.BeginLeavingAsync();
        HandOverGrains();
        await catalog.WaitUntilEmptyAsync(cancellationToken);
        await transport.DrainAsync(cancellationToken);
        await membership.LeftAsync();
        logger.LogInformation("Silo {Silo} left the cluster", membership.Self);
    }

    public Task CloseTransportAsync() => _dead ? Task.CompletedTask : transport.CloseAsync();

    /// <summary>An abrupt end without goodbye (tests: a crashed process): nothing is deactivated or written.</summary>
    public async Task KillAsync()
    {
        _dead = true;
        router.Stop();
        await transport.DisposeAsync();
        catalog.AbandonAll(new SiloUnavailableException($"Silo {membership.Self} was killed."));
    }

    private void HandOverGrains()
    {
        int moving = 0;
        foreach (ActivationData activation in catalog.Activations)
        {
            if (!membership.IsLocal(activation.GrainId))
            {
                activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.OwnershipChanged, "another silo owns this grain now"));
                moving++;
            }
        }
        if (moving > 0)
        {
            logger.LogInformation("Handing over {Count} activations after a membership change", moving);
        }
    }

    private void StopServing()
    {
        _dead = true;
        router.Stop();
        catalog.AbandonAll(new SiloUnavailableException($"Silo {membership.Self} was declared dead by the cluster."));
        lifetime.StopApplication();
    }
}
