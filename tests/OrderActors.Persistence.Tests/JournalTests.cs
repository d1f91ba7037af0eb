using System.Text.Json;
using OrderActors.Persistence.Journal;
using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;
using Orleans.Storage;

namespace OrderActors.Persistence.Tests;

/// <summary>The stock buckets' journal on PostgreSQL, through [JournaledState] grains.</summary>
[Collection(SharedCluster.Name)]
public sealed class JournalTests(SharedClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private PostgresGrainJournalStorage Storage => new(fixture.Sql);

    [PostgresFact]
    public async Task AnAppendAfterAnotherInstanceAppendedIsRefusedAndTheNextCallReplaysBoth()
    {
        IQuotaGrain grain = Grains.GetGrain<IQuotaGrain>("acme/conflict");
        await grain.AddAsync(1);
        // Another activation of the same grain, elsewhere, appended event 2.
        await Storage.AppendAsync(new JournalId("quota", "acme/conflict", "quota"), 1, [Json(new Added(10))]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.AddAsync(100));

        QuotaView view = await grain.GetAsync();
        Assert.Equal((11, "1,10", 2L), (view.Total, view.History, view.Version));
        await grain.AddAsync(1000);
        Assert.Equal(1011, (await grain.GetAsync()).Total);
    }

    [PostgresFact]
    public async Task ASecondAppendAtTheSameVersionIsRefused()
    {
        var journal = new JournalId("quota", "acme/direct", "quota");
        await Storage.AppendAsync(journal, 0, [Json(new Added(1)), Json(new Added(2))]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.AppendAsync(journal, 1, [Json(new Added(3))]));
        Assert.Equal(2, (await Storage.ReadAsync(journal)).EventsJson.Count);
    }

    [PostgresFact]
    public async Task ReplayFromASnapshotGivesTheSameStateAsTheWholeJournal()
    {
        IQuotaGrain grain = Grains.GetGrain<IQuotaGrain>("acme/replay");
        for (int amount = 1; amount <= 12; amount++)
        {
            await grain.AddAsync(amount * amount);
        }
        QuotaView before = await grain.GetAsync();
        QuotaState replayed = Replay(await fixture.Sql.ScalarAsync<string[]>(
            "SELECT array_agg(payload::text ORDER BY seq) FROM grain_events WHERE grain_type = 'quota' AND grain_key = 'acme/replay'") ?? []);
        long snapshotAt = await fixture.Sql.ScalarAsync<long>(
            "SELECT seq FROM grain_snapshots WHERE grain_type = 'quota' AND grain_key = 'acme/replay' AND state_name = 'quota'");
        // Without the events the snapshot covers, only snapshot + tail can give the state back.
        await fixture.Sql.ExecuteAsync("DELETE FROM grain_events WHERE grain_type = 'quota' AND grain_key = 'acme/replay' AND seq <= @seq", ("seq", snapshotAt));

        await grain.DeactivateAsync();
        QuotaView after = await grain.GetAsync();

        Assert.Equal(2 * HubSiloConfigurator.JournalSnapshotInterval, snapshotAt);
        Assert.Equal(before, after);
        Assert.Equal((replayed.Total, string.Join(",", replayed.History), 12L), (after.Total, after.History, after.Version));
    }

    [PostgresFact]
    public async Task ConcurrentReservationsNeverExceedTheBound()
    {
        const int bound = 30;
        var journal = new JournalId("quota", "acme/hot", "quota");
        IQuotaGrain grain = Grains.GetGrain<IQuotaGrain>("acme/hot");
        int acknowledged = 0;
        int refused = 0;

        Task[] callers = Enumerable.Range(0, 200).Select(async _ =>
        {
            if (await ReserveWithRetriesAsync(() => grain.TryReserveAsync(bound), () => Interlocked.Increment(ref refused)))
            {
                Interlocked.Increment(ref acknowledged);
            }
        }).ToArray();
        // A second instance deciding on its own replay of the journal, as a stale activation elsewhere would.
        Task[] rivals = Enumerable.Range(0, 10).Select(async _ =>
        {
            if (await ReserveWithRetriesAsync(() => TryReserveDirectlyAsync(journal, bound), () => Interlocked.Increment(ref refused)))
            {
                Interlocked.Increment(ref acknowledged);
            }
        }).ToArray();
        await Task.WhenAll([.. callers, .. rivals]);

        int reserved = Replay(await Storage.ReadAsync(journal)).Reserved;
        Assert.Equal(bound, reserved);
        Assert.Equal(bound, acknowledged);
        Assert.True(refused > 0, "The rivals never collided: the test proved nothing.");
        await grain.DeactivateAsync();
        Assert.Equal(bound, (await grain.GetAsync()).Reserved);
    }

    private async Task<bool> TryReserveDirectlyAsync(JournalId journal, int bound)
    {
        JournalRead read = await Storage.ReadAsync(journal);
        if (Replay(read).Reserved >= bound)
        {
            return false;
        }
        await Storage.AppendAsync(journal, read.SnapshotVersion + read.EventsJson.Count, [Json(new Reserved(1))]);
        return true;
    }

    /// <summary>
    /// A refused call is decided again from fresh state, never replayed as it was. Besides the conflict itself, a
    /// call queued on an activation that a conflict deactivates may be rejected once it was forwarded too often.
    /// </summary>
    private static async Task<bool> ReserveWithRetriesAsync(Func<Task<bool>> reserve, Action onRefused)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await reserve();
            }
            catch (Exception ex) when ((ex is InconsistentStateException or OrleansMessageRejectionException) && DateTime.UtcNow < deadline)
            {
                onRefused();
                await Task.Delay(Random.Shared.Next(1, 20));
            }
        }
    }

    private static string Json(QuotaEvent @event) => JsonSerializer.Serialize(@event, HubJson.Options);

    private static QuotaState Replay(IEnumerable<string> events, QuotaState? from = null) =>
        events.Aggregate(from ?? new QuotaState(), (state, json) => state.Apply(JsonSerializer.Deserialize<QuotaEvent>(json, HubJson.Options)!));

    private static QuotaState Replay(JournalRead read) =>
        Replay(read.EventsJson, read.SnapshotJson is null ? null : JsonSerializer.Deserialize<QuotaState>(read.SnapshotJson, HubJson.Options));
}
