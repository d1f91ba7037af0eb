using OrderActors.Runtime.Cluster;
using OrderActors.Runtime.Cluster.Transport;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Invocation;

/// <summary>
/// Takes each call to its grain's owner: this silo's catalog when it owns the grain (always, for a lone
/// silo), otherwise the owner silo over the transport. Calls arriving from other silos for grains this
/// silo does not own are forwarded, at most MaxForwardCount times, then run here.
/// </summary>
internal sealed class GrainCallRouter(Catalog catalog, ResponseTracker tracker, IGrainOwnership ownership, SiloOptions options, SiloTransport? transport)
    : IGrainCallRouter
{
    private volatile bool _stopped;

    public Task<TResult> InvokeAsync<TResult>(GrainId target, GrainMethod method, object?[] args)
    {
        PendingCall<TResult> call = tracker.Register<TResult>(new InvokeRequestInfo(method.DisplayName, target), method.ResultType);
        Route(new InvokeRequest(target, method, args, call));
        return call.Task;
    }

    public void InvokeOneWay(GrainId target, GrainMethod method, object?[] args) =>
        Route(new InvokeRequest(target, method, args, sink: null));

    public void Route(InvokeRequest request)
    {
        if (_stopped)
        {
            request.Fail(new SiloUnavailableException($"{request}: this silo stopped serving (declared dead or killed)."));
            return;
        }
        if (transport is null || request.ForwardCount > options.Cluster.MaxForwardCount || ownership.IsLocal(request.Target))
        {
            catalog.Deliver(request);
            return;
        }
        SiloAddress? owner = ownership.GetOwner(request.Target);
        if (owner is null)
        {
            request.Fail(new SiloUnavailableException($"{request}: no silo of the cluster is live."));
            return;
        }
        transport.Send(owner, request);
    }

    /// <summary>Refuses every further call: the silo was declared dead or is being killed.</summary>
    public void Stop() => _stopped = true;
}
