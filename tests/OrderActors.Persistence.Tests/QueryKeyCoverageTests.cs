using Microsoft.Extensions.DependencyInjection;
using OrderActors.Persistence.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Persistence.Tests;

/// <summary>
/// Every one of the 25 queries the hub's migrations give the providers runs against PostgreSQL without error.
/// Most run through the cluster's own work; the provider methods the runtime calls rarely (cleanup, table
/// deletion, reading one membership row) are called on the real providers here, and the two stream eviction
/// queries, which the 10.4.2-alpha.1 runtime never calls, are run with the provider's parameters.
/// </summary>
[Collection(CoverageCluster.Name)]
public sealed class QueryKeyCoverageTests(CoverageClusterFixture fixture)
{
    private static readonly string[] QueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "MembershipReadRowKey",
        "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "QueueStreamMessageKey", "GetStreamMessagesKey", "ConfirmStreamMessagesKey", "FailStreamMessageKey", "EvictStreamMessagesKey",
        "EvictStreamDeadLettersKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
    ];

    [PostgresFact]
    public async Task EveryQueryKeyRunsAgainstPostgres()
    {
        IGrainFactory grains = fixture.Cluster.Client;
        IServiceProvider silo = fixture.Cluster.GetSiloServiceProvider();

        IAlphaValueGrain value = grains.GetGrain<IAlphaValueGrain>("acme/coverage");
        await value.SetAsync("x");
        await value.ClearAsync();
        await value.DeactivateAsync();
        await value.GetAsync();

        IReminderProbeGrain reminders = grains.GetGrain<IReminderProbeGrain>("acme/coverage");
        await reminders.StartAsync(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await reminders.CountRemindersAsync());
        await reminders.StopAsync();
        IReminderTable reminderTable = silo.GetRequiredService<IReminderTable>();
        await reminderTable.ReadRows(0x1000, 0x2000);
        await reminderTable.ReadRows(0x2000, 0x1000);
        await reminderTable.TestOnlyClearTable();

        await grains.GetGrain<IItemProducerGrain>("producer").PublishAsync("acme/coverage", [1, ItemConsumerGrain.PoisonItem]);
        await Eventually.TrueAsync(async () => (await grains.GetGrain<IItemConsumerGrain>("acme/coverage").GetAsync()).Processed.Length == 1);

        IMembershipTable membership = silo.GetRequiredService<IMembershipTable>();
        MembershipTableData all = await membership.ReadAllAsync(CancellationToken.None);
        await membership.ReadRowAsync(all.Members[0].Item1.SiloAddress, CancellationToken.None);
        await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1), CancellationToken.None);
        await membership.DeleteMembershipTableEntriesAsync($"not-{Guid.NewGuid():N}", CancellationToken.None);
        await fixture.Cluster.StopSiloAsync(await fixture.Cluster.StartAdditionalSiloAsync());

        await RunEvictionQueriesAsync();

        // Confirmation and the failure handler run on the pulling agent's schedule. Npgsql's trace of the single-row
        // membership read now and then never reaches the listener (about one run in three, cause not found), so that read
        // is repeated while it is missing: each is a real call through the provider that would throw on a bad query.
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (Missing() is { Count: > 0 } missing && DateTime.UtcNow < deadline)
        {
            if (missing.Contains("MembershipReadRowKey"))
            {
                await membership.ReadRowAsync(all.Members[0].Item1.SiloAddress, CancellationToken.None);
            }
            await Task.Delay(100);
        }
        Assert.Empty(Missing());
    }

    private List<string> Missing()
    {
        HashSet<string> ran = SqlRecorder.For(fixture.Database.Name).Select(Normalize).ToHashSet(StringComparer.Ordinal);
        Dictionary<string, string> texts = QueryTexts();
        return [.. QueryKeys.Where(key => !ran.Contains(Normalize(texts[key])))];
    }

    private Dictionary<string, string> QueryTexts()
    {
        using var command = fixture.Sql.CreateCommand("SELECT querykey, querytext FROM orleansquery");
        using var reader = command.ExecuteReader();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            texts[reader.GetString(0)] = reader.GetString(1);
        }
        Assert.Equal(QueryKeys.Order(StringComparer.Ordinal), texts.Keys.Order(StringComparer.Ordinal));
        return texts;
    }

    /// <summary>The eviction queries with the parameters the provider binds (it never calls them itself).</summary>
    private async Task RunEvictionQueriesAsync()
    {
        (string, object?)[] queue = [("ServiceId", "coverage"), ("ProviderId", HubPersistence.StreamProvider), ("QueueId", "queue-0"), ("EvictionBatchSize", 1000)];
        await fixture.Sql.ExecuteAsync(await fixture.Sql.QueryTextAsync("EvictStreamMessagesKey"), [.. queue, ("MaxAttempts", 5), ("RemovalTimeout", 60)]);
        await fixture.Sql.ExecuteAsync(await fixture.Sql.QueryTextAsync("EvictStreamDeadLettersKey"), [.. queue, ("RemovalTimeout", 60)]);
    }

    private static string Normalize(string sql) => string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
