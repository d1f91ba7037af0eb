using System.Text.Json.Nodes;
using OrderActors.Testing;
using OrderActors.Silo.Tests.Support;

namespace OrderActors.Silo.Tests;

[Collection(SiloCollection.Name)]
public sealed class EventsApiTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task ServerSentEventsCarryOrderAndBreakerChangesAndResumeFromLastEventIdWithTheTenantInTheQuery()
    {
        TenantApi api = silo.NewTenant();
        await api.SetUpWorldAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var live = new SseReader(api.Client, "/api/v1/events", lastEventId: null);
        Task<List<SseEvent>> watching = live.ReadUntilAsync(events => events.Any(IsTrip), cancel.Token);
        await live.Connected.WaitAsync(cancel.Token);

        await api.PostAsync("/api/v1/channels/taobao/orders", Fixtures.Read("taobao"));
        await api.SettledOrderAsync("taobao-4012345678901234567");
        await api.PostAsync("/api/v1/warehouses/WH-SH/breaker/trip", new { reason = "drill" });
        List<SseEvent> events = await watching;

        SseEvent allocated = events.First(e => e.Name == "order" && e.Data["data"]!["status"]!.GetValue<string>() == "Allocated");
        Assert.Equal("taobao-4012345678901234567", allocated.Data["subject"]!.GetValue<string>());
        Assert.Equal("drill", events.Single(IsTrip).Data["data"]!["reason"]!.GetValue<string>());
        Assert.Equal(events.Select(e => e.Id).Order(), events.Select(e => e.Id));

        using var browser = new HttpClient { BaseAddress = api.Client.BaseAddress };
        browser.DefaultRequestHeaders.Authorization = api.Client.DefaultRequestHeaders.Authorization;
        var resumed = new SseReader(browser, $"/api/v1/events?tenant={api.Tenant}", lastEventId: events[0].Id);
        List<SseEvent> replayed = await resumed.ReadUntilAsync(r => r.Count >= events.Count - 1, cancel.Token);
        Assert.Equal(events.Skip(1).Select(e => e.Id), replayed.Take(events.Count - 1).Select(e => e.Id));
    }

    private static bool IsTrip(SseEvent e) => e.Name == "warehouse" && e.Data["data"]!["state"]!.GetValue<string>() == "Open";
}
