using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace OrderActors.Silo.Tests.Cluster.Support;

/// <summary>
/// Grain calls made while a killed silo is being noticed: a call routed to it fails (silo unavailable, rejected,
/// or no answer in time) and is made again, until the given limit. Any other failure is the test's to see.
/// </summary>
public static class Recovering
{
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, TimeSpan? within = null)
    {
        DateTime deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(45));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (IsCrashFallout(ex) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Polls until <paramref name="done"/> holds; a crash's fallout on the way only means "not yet".</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, Func<T, string> describe)
    {
        DateTime deadline = DateTime.UtcNow + within;
        while (true)
        {
            T value = await CallAsync(read, deadline - DateTime.UtcNow);
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"not there within {within.TotalSeconds:F0} s: {describe(value)}");
            await Task.Delay(50);
        }
    }

    /// <summary>What a call meets when it reached, or went through, a silo that was killed.</summary>
    public static bool IsCrashFallout(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ConnectionFailedException;
}
