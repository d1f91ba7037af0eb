using System.Globalization;
using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Persistence.Tests;

/// <summary>What survives silos going away: grain state, reminders, acknowledged writes.</summary>
[Collection(RestartCluster.Name)]
public sealed class RestartTests(RestartClusterFixture fixture)
{

    private IGrainFactory Grains => fixture.Cluster.Client;

    [PostgresFact]
    public async Task StateAndRemindersSurviveARestartOfEverySiloAndAnUnregisteredReminderStops()
    {
        await fixture.EnsureSilosAsync(2);
        string[] keys = [.. Enumerable.Range(0, 10).Select(i => $"acme/restart-{i}")];
        await Task.WhenAll(keys.Select(k => Grains.GetGrain<IAlphaValueGrain>(k).SetAsync($"value of {k}")));
        IReminderProbeGrain probe = Grains.GetGrain<IReminderProbeGrain>("acme/restart");
        await probe.StartAsync(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => await probe.GetTicksAsync() > 0, TimeSpan.FromSeconds(20), "the reminder ticks before the restart");

        await fixture.RestartAllSilosAsync(2);
        int ticksAtRestart = await StoredTicksAsync();

        foreach (string key in keys)
        {
            Assert.Equal($"value of {key}", await Grains.GetGrain<IAlphaValueGrain>(key).GetAsync());
        }
        // Only the reminder raises the stored count; reading it through the grain would not.
        await Eventually.TrueAsync(async () => await StoredTicksAsync() > ticksAtRestart, TimeSpan.FromSeconds(30), "the reminder ticks after the restart");
        await Grains.GetGrain<IReminderProbeGrain>("acme/restart").StopAsync();
        int ticksAtStop = await StoredTicksAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.InRange(await StoredTicksAsync(), ticksAtStop, ticksAtStop + 1);
    }

    [PostgresFact]
    public async Task AKilledSiloLosesNoAcknowledgedWrite()
    {
        // Three silos, so the writes after the kill and the reads land on the two others.
        await fixture.EnsureSilosAsync(3);
        string[] keys = [.. Enumerable.Range(0, 30).Select(i => $"acme/kill-{i}")];
        var acknowledged = new int[keys.Length];
        var attempted = new int[keys.Length];

        for (int round = 1; round <= 6; round++)
        {
            if (round == 3)
            {
                await fixture.Cluster.KillSiloAsync(fixture.Cluster.GetActiveSilos().Last());
            }
            int current = round;
            await Task.WhenAll(keys.Select(async (key, i) =>
            {
                attempted[i] = current;
                try
                {
                    await Grains.GetGrain<IAlphaValueGrain>(key).SetAsync(current.ToString(CultureInfo.InvariantCulture));
                    acknowledged[i] = current;
                }
                catch (Exception)
                {
                    // Calls into the dead silo fail until membership declares it dead; they were never acknowledged.
                }
            }));
        }

        for (int i = 0; i < keys.Length; i++)
        {
            string? stored = await ReadWithRetriesAsync(keys[i]);
            int value = int.Parse(stored!, CultureInfo.InvariantCulture);
            Assert.True(value == acknowledged[i] || value == attempted[i], $"{keys[i]}: stored {value}, acknowledged {acknowledged[i]}, attempted {attempted[i]}");
            Assert.True(acknowledged[i] >= 3, $"{keys[i]} was never written after the kill");
        }
    }

    private async Task<string?> ReadWithRetriesAsync(string key)
    {
        string? value = null;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                value = await Grains.GetGrain<IAlphaValueGrain>(key).GetAsync();
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30));
        return value;
    }

    private async Task<int> StoredTicksAsync() =>
        await fixture.Sql.ScalarAsync<int?>(
            "SELECT (payload->>'ticks')::int FROM grain_state WHERE grain_type = 'reminderprobe' AND grain_key = 'acme/restart'") ?? 0;
}
