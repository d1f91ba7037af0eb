using Microsoft.Extensions.Logging;
using OrderActors.Runtime.Invocation;
using OrderActors.Runtime.Reminders;

namespace OrderActors.Runtime.Core;

/// <summary>The silo services every activation uses, gathered once so an activation holds one reference.</summary>
internal sealed class ActivationServices(
    SiloOptions options,
    Catalog catalog,
    GrainActivator activator,
    IGrainFactory grainFactory,
    ReminderService reminders,
    IEnumerable<IIncomingGrainCallFilter> filters,
    TimeProvider time,
    ILogger<ActivationData> logger)
{
    public SiloOptions Options { get; } = options;

    public Catalog Catalog { get; } = catalog;

    public GrainActivator Activator { get; } = activator;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public ReminderService Reminders { get; } = reminders;

    public IIncomingGrainCallFilter[] Filters { get; } = filters.ToArray();

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    /// <summary>Sends a request that was queued on a dropped activation to wherever the grain lives now.</summary>
    public Action<InvokeRequest> Redispatch { get; set; } = _ => throw new InvalidOperationException("The silo's router is not attached.");
}
