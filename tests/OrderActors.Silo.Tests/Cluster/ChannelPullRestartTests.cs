using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using OrderActors.Silo.TestHost.Processes;
using OrderActors.Silo.Tests.Cluster.Support;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;
using static OrderActors.Silo.Tests.Support.PullWorld;

namespace OrderActors.Silo.Tests.Cluster;

/// <summary>Issue 12: the pull's cursor is durable — a silo killed between runs hands it to the next one.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChannelPullRestartTests
{
    private const string Tenant = PullSiloFixture.PddTenant;

    [PostgresFact]
    public async Task TheCursorSurvivesASiloRestartAndTheNextRunStartsFromIt_Issue12()
    {
        await using FakePlatform platform = await FakePlatform.StartAsync();
        Dictionary<string, string> settings = PullSiloFixture.Settings(platform).ToDictionary(s => s.Key, s => s.Value!);
        await using SiloProcessCluster cluster = await SiloProcessCluster.StartAsync(silos: 1, settings);
        await cluster.RunAsync(async () =>
        {
            TenantApi first = Api(cluster[0]);
            await first.SetUpWorldAsync();
            DateTimeOffset now = DateTimeOffset.UtcNow;
            FakeOrder[] orders = Enumerable.Range(1, 6).Select(i => PddOrder($"260120-6000000000{i:D3}", now.AddSeconds(-3 * i))).ToArray();
            foreach (FakeOrder order in orders.Take(2))
            {
                await TenantApi.Ok(first.PostAsync("/api/v1/channels/pdd/orders", PddPush(order)));
            }
            foreach (FakeOrder order in orders)
            {
                platform.Add(PullSiloFixture.PddShop, order);
            }
            await Eventually.TrueAsync(async () => (await OrderIdsAsync(first, "pdd")).Length == orders.Length, TimeSpan.FromSeconds(60));

            await cluster.KillAsync(0);
            (DateTimeOffset cursor, int nextRun) = await PersistedAsync(cluster.ConnectionString);
            SiloProcess second = await cluster.StartAsync();
            await cluster.WaitUntilDeclaredDeadAsync(0, TimeSpan.FromSeconds(30));
            TenantApi api = Api(second);
            string nextRunId = $"r{nextRun}";
            JsonNode? resumed = null;
            await Eventually.TrueAsync(async () =>
            {
                (System.Net.HttpStatusCode status, JsonNode? run) = await api.GetAsync($"/api/v1/channels/pdd/pull/runs/{nextRunId}");
                resumed = run;
                return status == System.Net.HttpStatusCode.OK && run!["state"]!.GetValue<string>() == "Succeeded";
            }, TimeSpan.FromSeconds(60), $"the restarted silo should run {nextRunId}");

            Assert.Equal(cursor - TimeSpan.FromMinutes(1), resumed!["from"]!.GetValue<DateTimeOffset>());
            Assert.Equal("Scheduled", resumed["kind"]!.GetValue<string>());
            Assert.Equal(0, Int(resumed, "new"));
            Assert.True(cursor > now.AddSeconds(-3), $"cursor {cursor:O} should be past the orders");
            Assert.Equal(orders.Select(o => $"pdd-{o.Id}").Order(), (await OrderIdsAsync(api, "pdd")).Order());
        });
    }

    /// <summary>The pull grain's cursor and next run number as stored in PostgreSQL.</summary>
    private static async Task<(DateTimeOffset Cursor, int NextRun)> PersistedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT payload->>'cursor', payload->>'nextRun' FROM grain_state WHERE grain_type = 'channelpull' AND grain_key = @key", connection);
        query.Parameters.AddWithValue("key", $"{Tenant}/pdd");
        await using NpgsqlDataReader row = await query.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), "no stored pull state");
        return (DateTimeOffset.Parse(row.GetString(0), CultureInfo.InvariantCulture), int.Parse(row.GetString(1), CultureInfo.InvariantCulture));
    }

    private static TenantApi Api(SiloProcess silo)
    {
        var client = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = silo.Http.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.Add("X-Tenant", Tenant);
        return new TenantApi(client, Tenant);
    }
}
