using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Persistence;
using OrderActors.Persistence.Storage;
using OrderActors.Silo.TestHost;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace OrderActors.Silo.Tests;

/// <summary>
/// Issue 13 through HTTP: when PostgreSQL refuses an order's write, the answer is 503 "Not stored", the order, the
/// list and the stock are as before, and the same request with the same Idempotency-Key succeeds once the storage heals.
/// </summary>
public sealed class NotStoredTests
{
    [PostgresFact]
    public async Task ARefusedWriteIs503AndNothingChangesAndTheSameKeyRetriesOnceHealed()
    {
        var faults = new StorageFaults();
        await using SiloHost host = await SiloHost.StartAsync(services: services =>
            services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (provider, _) =>
                new HubGrainStorage(faults.Around(provider.GetRequiredKeyedService<IGrainStorage>(HubPersistence.AdoNetStorage)))));
        HttpClient client = host.ClientWith(host.AdminKey);
        client.DefaultRequestHeaders.Add("X-Tenant", "notstored");
        var api = new TenantApi(client, "notstored");
        await api.SetUpWorldAsync();
        (_, JsonNode? accepted) = await api.PostAsync("/api/v1/channels/miniapp/orders", Fixtures.MiniappOrder("MP-NOT-STORED"));
        string orderId = accepted!["orderId"]!.GetValue<string>();
        await api.SettledOrderAsync(orderId);
        string reserved = (await api.GetAsync("/api/v1/inventory/MJ-PIL-LTX-STD")).Body!.ToJsonString();
        faults.FailWritesOf("order");

        (HttpStatusCode refused, JsonNode? problem) = await api.PostAsync($"/api/v1/orders/{orderId}/cancel", new { reason = "买家取消" }, key: "cancel-1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused);
        Assert.Equal("Not stored", problem!["title"]!.GetValue<string>());
        Assert.Equal("Allocated", (await api.GetAsync($"/api/v1/orders/{orderId}")).Body!["status"]!.GetValue<string>());
        Assert.Equal("Allocated", (await api.GetAsync("/api/v1/orders?channel=miniapp")).Body!["items"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(reserved, (await api.GetAsync("/api/v1/inventory/MJ-PIL-LTX-STD")).Body!.ToJsonString());
        Assert.True((await api.GetAsync("/api/v1/audit")).Body!["ok"]!.GetValue<bool>());

        faults.Heal();
        (HttpStatusCode retried, JsonNode? cancelled) = await api.PostAsync($"/api/v1/orders/{orderId}/cancel", new { reason = "买家取消" }, key: "cancel-1");

        Assert.Equal((HttpStatusCode.OK, "Cancelled"), (retried, cancelled!["status"]!.GetValue<string>()));
        await Eventually.TrueAsync(async () => (await api.GetAsync("/api/v1/audit")).Body!["ok"]!.GetValue<bool>(), TimeSpan.FromSeconds(20));
    }
}
