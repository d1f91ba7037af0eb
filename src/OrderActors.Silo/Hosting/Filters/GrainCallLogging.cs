using System.Diagnostics;
using Orleans;

namespace OrderActors.Silo.Hosting.Filters;

/// <summary>Logs failed grain calls (Warning) and, at Debug, every call with its duration, tagged with grain type and key.</summary>
public sealed partial class GrainCallLogging(ILogger<GrainCallLogging> logger) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        Task call = context.Invoke();
        if (call.IsCompletedSuccessfully && !logger.IsEnabled(LogLevel.Debug))
        {
            return Task.CompletedTask;
        }
        return ObserveAsync(context, call, Stopwatch.GetTimestamp());
    }

    private async Task ObserveAsync(IIncomingGrainCallContext context, Task call, long started)
    {
        try
        {
            await call;
            if (logger.IsEnabled(LogLevel.Debug))
            {
                LogCall(context.TargetId.Type.ToString()!, context.TargetId.Key.ToString()!, context.MethodName,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (Exception ex)
        {
            LogFailure(ex, context.TargetId.Type.ToString()!, context.TargetId.Key.ToString()!, context.MethodName, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{GrainType} {GrainKey} {Method} finished after {ElapsedMs:0.000} ms")]
    private partial void LogCall(string grainType, string grainKey, string method, double elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{GrainType} {GrainKey} {Method} failed with {ExceptionType}")]
    private partial void LogFailure(Exception exception, string grainType, string grainKey, string method, string exceptionType);
}
