using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderActors.Runtime.Core;

/// <summary>Deactivates activations that received no call or reminder for the collection age.</summary>
internal sealed class ActivationCollector(Catalog catalog, IOptions<SiloOptions> options, ILogger<ActivationCollector> logger)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionQuantum);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                int collected = CollectIdle(options.Value.CollectionAge);
                if (collected > 0)
                {
                    logger.LogDebug("Collecting {Count} idle activations", collected);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Asks every activation idle for at least <paramref name="age"/> to deactivate; returns how many.</summary>
    public int CollectIdle(TimeSpan age)
    {
        int count = 0;
        foreach (ActivationData activation in catalog.Activations)
        {
            if (activation.Status == ActivationStatus.Valid && !activation.IsBusy && activation.IdleMilliseconds >= age.TotalMilliseconds)
            {
                activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"idle for {age}"));
                count++;
            }
        }
        return count;
    }
}
