using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Runtime.Cluster;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Invocation;
using OrderActors.Runtime.Postgres;
using OrderActors.Runtime.Reminders;

namespace OrderActors.Runtime.Hosting;

/// <summary>
/// The silo's lifecycle: applies the schema, joins the cluster (when configured), starts the reminder
/// service and the activation collector; on stop, leaves the cluster and deactivates every activation.
/// </summary>
internal sealed class Silo(
    IServiceProvider services,
    IOptions<SiloOptions> options,
    Catalog catalog,
    ActivationServices activationServices,
    GrainCallRouter router,
    ReminderService reminders,
    ActivationCollector collector,
    GrainFactory grainFactory,
    ILogger<Silo> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly ClusterAgent? _cluster = options.Value.Cluster.Enabled ? services.GetRequiredService<ClusterAgent>() : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        SiloOptions siloOptions = options.Value;
        SiloServiceCollectionExtensions.Validate(siloOptions);
        if (siloOptions.Storage == StorageKind.Postgres && siloOptions.ApplySchemaOnStart)
        {
            await services.GetRequiredService<SchemaMigrator>().ApplyAsync(cancellationToken);
        }
        activationServices.Redispatch = router.Route;
        catalog.Attach(activationServices);
        if (_cluster is not null)
        {
            await _cluster.StartAsync(cancellationToken);
            _loops.Add(_cluster.RunAsync(_stopping.Token));
        }
        _loops.Add(reminders.RunAsync(id => (IRemindable)grainFactory.GetReference(typeof(IRemindable), id), _stopping.Token));
        _loops.Add(collector.RunAsync(_stopping.Token));
        logger.LogInformation("Silo {Silo} started in cluster {ClusterId} with {Storage} storage{Mode}",
            siloOptions.SiloName ?? Environment.MachineName, siloOptions.ClusterId, siloOptions.Storage,
            _cluster is null ? " (lone silo)" : "");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_cluster is not null)
        {
            await _cluster.LeaveAsync(cancellationToken);
        }
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "silo stopping");
        await catalog.WaitUntilEmptyAsync(cancellationToken, reason, waiting => logger.LogWarning(
            "Stopping: still waiting for {Count} activations to deactivate: {Activations}",
            waiting.Count, string.Join(", ", waiting.Take(10))));
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        if (_cluster is not null)
        {
            await _cluster.CloseTransportAsync();
        }
        logger.LogInformation("Silo stopped");
    }

    /// <summary>Test hook: ends the silo as a crash would — no call is taken, no grain runs or writes again.</summary>
    public async Task KillAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.KillAsync();
        }
        else
        {
            router.Stop();
            catalog.AbandonAll(new SiloUnavailableException("The silo was killed."));
        }
        await _stopping.CancelAsync();
    }
}
