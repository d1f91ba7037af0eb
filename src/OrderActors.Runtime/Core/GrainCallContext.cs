using System.Reflection;
using OrderActors.Runtime.Invocation;

namespace OrderActors.Runtime.Core;

/// <summary>Walks the filter chain for one call, then invokes the grain method. Synchronous results stay synchronous.</summary>
internal sealed class GrainCallContext(Grain grain, InvokeRequest request, IIncomingGrainCallFilter[] filters) : IIncomingGrainCallContext
{
    private int _next;

    public Grain Grain { get; } = grain;

    public GrainId TargetId => request.Target;

    public MethodInfo InterfaceMethod => request.Method.Method;

    public IReadOnlyList<object?> Arguments => request.Args;

    public object? Result { get; set; }

    public Task Invoke()
    {
        if (_next < filters.Length)
        {
            return filters[_next++].Invoke(this);
        }
        Task task = request.Method.Invoker(Grain, request.Args);
        if (task.IsCompletedSuccessfully)
        {
            Result = request.Method.GetResult(task);
            return Task.CompletedTask;
        }
        return AwaitResultAsync(task);
    }

    private async Task AwaitResultAsync(Task task)
    {
        await task;
        Result = request.Method.GetResult(task);
    }
}
