using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using Orleans;
using OrderActors.Silo.Access;
using OrderActors.Silo.Idempotency;
using OrderActors.Silo.Projections;

namespace OrderActors.Silo.Hosting;

/// <summary>
/// Every half minute: pokes orders that have been paid but unallocated for a while (their one-way
/// "continue" message was lost with a crashed silo) so that they continue, and forgets idempotency
/// keys older than a day and signed pushes' nonces past their replay window. Every silo runs it; a poke of a settled
/// order does nothing.
/// </summary>
public sealed partial class MaintenanceService(
    IOrderProjection projection, IIdempotencyStore idempotency, IAccessStore access, IGrainFactory grains, TimeProvider time, ILogger<MaintenanceService> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeepKeys = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public async Task RunOnceAsync()
    {
        try
        {
            IReadOnlyList<(string Tenant, string OrderId)> stuck = await projection.StuckAsync(time.GetUtcNow() - StuckAfter, 1000);
            foreach ((string tenant, string orderId) in stuck)
            {
                _ = grains.GetGrain<IOrderGrain>(Keys.Order(tenant, orderId)).ProcessAsync();
            }
            if (stuck.Count > 0)
            {
                LogPoked(stuck.Count);
            }
            await idempotency.ExpireAsync(KeepKeys);
            await access.ExpireNoncesAsync(time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "Poked {Count} orders that were paid but not allocated for over 30 s")]
    private partial void LogPoked(int count);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Maintenance pass failed; next pass in 30 s")]
    private partial void LogFailed(Exception exception);
}
