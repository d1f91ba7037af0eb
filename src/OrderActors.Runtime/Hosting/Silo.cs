using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Runtime.Core;
using OrderActors.Runtime.Invocation;
using OrderActors.Runtime.Postgres;
using OrderActors.Runtime.Reminders;

namespace OrderActors.Runtime.Hosting;

/// <summary>
/// The silo's lifecycle: applies the schema, starts the reminder service and the activation
/// collector; on stop, deactivates every activation so grains can flush.
/// </summary>
internal sealed class Silo(
    IServiceProvider services,
    IOptions<SiloOptions> options,
    Catalog catalog,
    ActivationServices activationServices,
    LocalCallRouter router,
    ReminderService reminders,
    ActivationCollector collector,
    GrainFactory grainFactory,
    ILogger<Silo> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        SiloOptions siloOptions = options.Value;
        if (siloOptions.Storage == StorageKind.Postgres && siloOptions.ApplySchemaOnStart)
        {
            await ((SchemaMigrator)services.GetService(typeof(SchemaMigrator))!).ApplyAsync(cancellationToken);
        }
        activationServices.Redispatch = router.Redispatch;
        catalog.Attach(activationServices);
        _loops.Add(reminders.RunAsync(id => (IRemindable)grainFactory.GetReference(typeof(IRemindable), id), _stopping.Token));
        _loops.Add(collector.RunAsync(_stopping.Token));
        logger.LogInformation("Silo {Silo} started in cluster {ClusterId} with {Storage} storage",
            siloOptions.SiloName ?? Environment.MachineName, siloOptions.ClusterId, siloOptions.Storage);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await DeactivateAllAsync(cancellationToken);
        await Task.WhenAll(_loops);
        logger.LogInformation("Silo stopped");
    }

    private async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "silo stopping");
        foreach (ActivationData activation in catalog.Activations)
        {
            activation.RequestDeactivation(reason);
        }
        while (catalog.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }
    }
}
