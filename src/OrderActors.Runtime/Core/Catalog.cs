using System.Collections.Concurrent;
using OrderActors.Runtime.Invocation;

namespace OrderActors.Runtime.Core;

/// <summary>The activations living in this silo, by grain id.</summary>
internal sealed class Catalog(GrainTypeRegistry registry)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private ActivationServices? _services;

    public int Count => _activations.Count;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    public void Attach(ActivationServices services) => _services = services;

    /// <summary>Queues a request on the grain's activation here, creating the activation on first use.</summary>
    public void Deliver(InvokeRequest request)
    {
        ActivationServices services = _services ?? throw new InvalidOperationException("The catalog is not attached to a silo.");
        while (true)
        {
            ActivationData activation = _activations.GetOrAdd(
                request.Target,
                static (id, state) => new ActivationData(id, state.registry.GetByTypeName(id.Type), state.services),
                (registry, services));
            if (activation.TryEnqueue(request))
            {
                return;
            }
            _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(request.Target, activation));
        }
    }

    public bool TryGet(GrainId grainId, out ActivationData? activation) => _activations.TryGetValue(grainId, out activation);

    /// <summary>Drops every activation without running grain code; queued calls fail with <paramref name="reason"/>.</summary>
    public void AbandonAll(Exception reason)
    {
        foreach (ActivationData activation in _activations.Values)
        {
            foreach (InvokeRequest request in activation.Abandon())
            {
                request.Fail(reason);
            }
        }
    }

    /// <summary>
    /// Completes once every activation is gone, or when cancelled; reports stragglers every few seconds.
    /// With a <paramref name="deactivate"/> reason it keeps asking every activation to deactivate, including
    /// ones created meanwhile (a call still queued on a deactivating grain is re-dispatched to a new activation).
    /// </summary>
    public async Task WaitUntilEmptyAsync(
        CancellationToken cancellationToken, DeactivationReason? deactivate = null, Action<IReadOnlyCollection<ActivationData>>? reportWaiting = null)
    {
        long nextReport = Environment.TickCount64 + 3000;
        while (!_activations.IsEmpty && !cancellationToken.IsCancellationRequested)
        {
            if (deactivate is not null)
            {
                foreach (ActivationData activation in _activations.Values)
                {
                    activation.RequestDeactivation(deactivate);
                }
            }
            if (reportWaiting is not null && Environment.TickCount64 > nextReport)
            {
                reportWaiting(_activations.Values.ToList());
                nextReport = Environment.TickCount64 + 3000;
            }
            await Task.Delay(10, CancellationToken.None);
        }
    }

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
}
