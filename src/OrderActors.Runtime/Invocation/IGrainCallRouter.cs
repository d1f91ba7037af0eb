using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Invocation;

/// <summary>Takes a call from a grain reference to wherever the grain's activation lives.</summary>
internal interface IGrainCallRouter
{
    /// <summary>Sends a request and completes with its response, or fails after the response timeout.</summary>
    Task<TResult> InvokeAsync<TResult>(GrainId target, GrainMethod method, object?[] args);

    /// <summary>Sends a request nobody waits for; failures are logged.</summary>
    void InvokeOneWay(GrainId target, GrainMethod method, object?[] args);
}
