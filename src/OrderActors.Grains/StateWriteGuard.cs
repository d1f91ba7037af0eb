using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.Errors;
using OrderActors.Persistence.Storage;
using Orleans;
using Orleans.Runtime;

namespace OrderActors.Grains;

/// <summary>
/// The one rule for every grain: new state is adopted only once its write succeeded. The storage
/// (<see cref="HubGrainStorage"/>) has already read the stored state back when a write failed; this filter then
/// deactivates the activation, so whatever else it changed in memory during the call goes too and the next call
/// starts from what is stored, and answers the caller <see cref="StateNotStoredException"/> (a 503: nothing changed,
/// retry). A call that failed in a grain it called passes through unchanged: its own state was not the one refused.
/// </summary>
public sealed partial class StateWriteGuard(ILogger<StateWriteGuard> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception failure) when (WriteFailure(failure) is { } refused)
        {
            LogNotStored(refused, context.TargetId.ToString(), context.MethodName, refused.Reverted);
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError,
                $"{context.MethodName}: its state could not be stored"));
            throw new StateNotStoredException(
                $"The change was not stored ({refused.InnerException?.Message ?? refused.Message}); nothing was changed. Retry, or fix the input if it is refused again.");
        }
    }

    private static GrainStateWriteException? WriteFailure(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure is GrainStateWriteException refused)
            {
                return refused;
            }
        }
        return null;
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Error,
        Message = "{Grain} {Method}: its state could not be stored (read back: {Reverted}); the activation is deactivated and nothing changed")]
    private partial void LogNotStored(Exception exception, string grain, string method, bool reverted);
}
