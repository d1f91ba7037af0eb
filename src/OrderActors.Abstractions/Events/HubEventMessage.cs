using Orleans;

namespace OrderActors.Abstractions.Events;

/// <summary>
/// One row of the <c>hub_events</c> outbox as the hub's durable stream carries it: an order status change, a reroute
/// or a breaker change, appended by the same transaction as the state write it reports. Delivered at least once;
/// a consumer takes each <see cref="Seq"/> once (<see cref="SeenSequences"/>).
/// </summary>
/// <param name="Seq">The row's sequence number, shared by all tenants: unique, not contiguous per tenant.</param>
/// <param name="Kind">What happened (<see cref="HubEventKinds"/>).</param>
/// <param name="Subject">The order or warehouse id it happened to.</param>
/// <param name="DataJson">The row's JSON data, as the trigger wrote it.</param>
/// <param name="Watermark">Every sequence number up to here was published before this event, or given up on as a rolled-back insert.</param>
[GenerateSerializer, Immutable, Alias("oa.HubEventMessage")]
public sealed record HubEventMessage(long Seq, string Tenant, string Kind, string Subject, string DataJson, DateTimeOffset At, long Watermark);
