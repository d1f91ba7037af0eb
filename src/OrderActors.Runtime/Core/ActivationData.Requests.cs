using Microsoft.Extensions.Logging;
using OrderActors.Runtime.Invocation;

namespace OrderActors.Runtime.Core;

/// <summary>Running one request as a turn: straight to the grain method, or through the call filters.</summary>
internal sealed partial class ActivationData
{
    private Task RunRequestAsync(InvokeRequest request)
    {
        if (request.IsAbandoned)
        {
            request.Fail(new GrainCallTimeoutException($"{request} was dropped unrun: its caller stopped waiting."));
            return Task.CompletedTask;
        }
        Volatile.Write(ref _lastActivityMs, Environment.TickCount64);
        if (_services.Filters.Length > 0)
        {
            return RunFilteredRequestAsync(request);
        }
        Task task;
        try
        {
            task = request.Method.Invoker(_grain!, request.Args);
        }
        catch (Exception ex)
        {
            OnRequestFailed(request, ex);
            return Task.CompletedTask;
        }
        if (task.IsCompletedSuccessfully)
        {
            request.Complete(request.Method.GetResult(task));
            return Task.CompletedTask;
        }
        return AwaitRequestAsync(request, task);
    }

    private async Task AwaitRequestAsync(InvokeRequest request, Task task)
    {
        try
        {
            await task;
            request.Complete(request.Method.GetResult(task));
        }
        catch (Exception ex)
        {
            OnRequestFailed(request, ex);
        }
    }

    private Task RunFilteredRequestAsync(InvokeRequest request)
    {
        var context = new GrainCallContext(_grain!, request, _services.Filters);
        Task task;
        try
        {
            task = context.Invoke();
        }
        catch (Exception ex)
        {
            OnRequestFailed(request, ex);
            return Task.CompletedTask;
        }
        if (task.IsCompletedSuccessfully)
        {
            request.Complete(context.Result);
            return Task.CompletedTask;
        }
        return AwaitFilteredRequestAsync(request, context, task);
    }

    private async Task AwaitFilteredRequestAsync(InvokeRequest request, GrainCallContext context, Task task)
    {
        try
        {
            await task;
            request.Complete(context.Result);
        }
        catch (Exception ex)
        {
            OnRequestFailed(request, ex);
        }
    }

    private void OnRequestFailed(InvokeRequest request, Exception exception)
    {
        if (exception is InconsistentStateException)
        {
            RequestDeactivation(new DeactivationReason(DeactivationReasonCode.InconsistentState, exception.Message));
        }
        if (request.Sink is null)
        {
            _services.Logger.LogWarning(exception, "One-way call {Method} on {GrainId} failed", request.Method.DisplayName, GrainId);
        }
        request.Fail(exception);
    }
}
