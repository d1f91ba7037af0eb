using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Invocation;

/// <summary>Routes calls of a silo that serves every grain itself.</summary>
internal sealed class LocalCallRouter(Catalog catalog, ResponseTracker tracker) : IGrainCallRouter
{
    public Task<TResult> InvokeAsync<TResult>(GrainId target, GrainMethod method, object?[] args)
    {
        PendingCall<TResult> call = tracker.Register<TResult>(new InvokeRequestInfo(method.DisplayName, target));
        catalog.Deliver(new InvokeRequest(target, method, args, call));
        return call.Task;
    }

    public void InvokeOneWay(GrainId target, GrainMethod method, object?[] args) =>
        catalog.Deliver(new InvokeRequest(target, method, args, sink: null));

    public void Redispatch(InvokeRequest request) => catalog.Deliver(request);
}
