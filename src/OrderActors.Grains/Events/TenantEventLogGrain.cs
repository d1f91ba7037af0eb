using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderActors.Abstractions.Events;
using OrderActors.Persistence;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrderActors.Grains.Events;

/// <summary>
/// A tenant's hub events (key: tenant), implicitly subscribed to stream ("hub-events", tenant): the pattern for
/// every consumer of that stream. Delivery is at least once, so each batch is checked against the sequence numbers
/// taken in already, and the state, with those numbers, is written before the batch is acknowledged; a failed
/// write leaves the state as it was, and the stream delivers the batch again.
/// </summary>
[ImplicitStreamSubscription(HubStreams.Namespace)]
[GrainType("tenanteventlog")]
public sealed partial class TenantEventLogGrain(
    [PersistentState("eventlog")] IPersistentState<TenantEventLogState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time,
    ILogger<TenantEventLogGrain> logger) : Grain, ITenantEventLogGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        IAsyncStream<HubEventMessage> stream = this.GetStreamProvider(HubPersistence.StreamProvider)
            .GetStream<HubEventMessage>(StreamId.Create(HubStreams.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(TakeInAsync);
    }

    public Task<EventLogView> GetAsync() => Task.FromResult(new EventLogView(
        state.State.ByKind, state.State.LastSeq, state.State.Recent.Reverse().ToList(), state.State.Repeats));

    private async Task TakeInAsync(IList<SequentialItem<HubEventMessage>> batch)
    {
        TenantEventLogState before = state.State;
        state.State = before.Record(batch.Select(i => i.Item), time.GetUtcNow(), HubStreams.RedeliveryHorizon);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            throw;
        }
        if (state.State.Repeats > before.Repeats)
        {
            LogRepeats(this.GetPrimaryKeyString(), state.State.Repeats - before.Repeats);
        }
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "Event log of {Tenant} dropped {Count} repeated deliveries")]
    private partial void LogRepeats(string tenant, long count);
}
