using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Orders;

namespace OrderActors.Silo.Tracking;

/// <summary>
/// What the buyer's tracking page shows of an order: only what the parcel label already tells whoever holds the
/// parcel (masked receiver, region without the street, carrier and number), the four stages with the time each was
/// reached, and the carrier's events. No amounts, no lines.
/// </summary>
public sealed record TrackingView(
    Channel Channel, string ExternalOrderId, CustomerStatus Status, DateTimeOffset? StatusAt,
    IReadOnlyList<TrackingStage> Stages, string Receiver, string? Carrier, string? TrackingNo,
    IReadOnlyList<TrackingEvent> Events)
{
    private static readonly CustomerStatus[] FourStages =
        [CustomerStatus.AwaitingPayment, CustomerStatus.AwaitingShipment, CustomerStatus.InTransit, CustomerStatus.Completed];

    /// <summary>The buyer's stages, in order: 待付款 → 待发货 → 运输中 → 已完成.</summary>
    public static IReadOnlyList<CustomerStatus> Path => FourStages;

    /// <summary>True when the order left the four stages (已取消, 售后中): no stage is current then.</summary>
    public bool OffPath => Array.IndexOf(FourStages, Status) < 0;

    public static TrackingView From(OrderRecord order)
    {
        CustomerStatus status = CustomerStatuses.Of(order.Status);
        DateTimeOffset?[] reached = FourStages.Select(stage => ReachedAt(order, stage)).ToArray();
        int current = Array.IndexOf(FourStages, status);
        // A stage before one that was reached was passed, whether or not the timeline holds its moment.
        int furthest = Math.Max(current, Array.FindLastIndex(reached, at => at is not null));
        var stages = FourStages.Select((stage, i) => new TrackingStage(stage, reached[i], i <= furthest, i == current)).ToList();
        return new TrackingView(
            order.Channel,
            order.ExternalOrderId,
            status,
            current < 0 ? EnteredAt(order, status) : reached[current],
            stages,
            MaskedReceiver(order),
            order.Carrier,
            order.TrackingNo,
            order.Timeline
                .Where(CarrierNotes.IsCarrier)
                .Select((entry, i) => (Entry: entry, Sequence: i))
                .OrderByDescending(e => e.Entry.At).ThenByDescending(e => e.Sequence)
                .Select(e => new TrackingEvent(e.Entry.At, CarrierNotes.KindOf(e.Entry)))
                .ToList());
    }

    /// <summary>When the order first reached <paramref name="stage"/>: placed, paid, first shipped, first delivered.</summary>
    private static DateTimeOffset? ReachedAt(OrderRecord order, CustomerStatus stage) => stage switch
    {
        CustomerStatus.AwaitingPayment => order.CreatedAt,
        CustomerStatus.AwaitingShipment => order.PaidAt ?? FirstAt(order, stage),
        _ => FirstAt(order, stage),
    };

    private static DateTimeOffset? FirstAt(OrderRecord order, CustomerStatus stage) =>
        order.Timeline.FirstOrDefault(t => CustomerStatuses.Of(t.Status) == stage)?.At;

    /// <summary>When the order last moved into <paramref name="status"/> (a second return after a first one counts from the second).</summary>
    private static DateTimeOffset? EnteredAt(OrderRecord order, CustomerStatus status)
    {
        DateTimeOffset? entered = null;
        CustomerStatus? previous = null;
        foreach (TimelineEntry entry in order.Timeline)
        {
            CustomerStatus now = CustomerStatuses.Of(entry.Status);
            if (now == status && previous != status)
            {
                entered = entry.At;
            }
            previous = now;
        }
        return entered;
    }

    /// <summary>张* · 138****5678 · 浙江省杭州市西湖区 ***: what a parcel label shows, masked the way the order JSON masks it.</summary>
    private static string MaskedReceiver(OrderRecord order)
    {
        Address address = order.ShippingAddress;
        string region = $"{address.Province}{address.City}{address.District} ***";
        if (order.Receiver.Encrypted)
        {
            return $"（收件人已加密） · {region}";
        }
        string phone = order.Receiver.PhoneMasked ? order.Receiver.Phone : Masking.Phone(order.Receiver.Phone);
        return string.Join(" · ", new[] { Masking.Name(order.Receiver.Name), phone, region }.Where(p => p.Length > 0));
    }
}

/// <summary>One of the four stages: reached or not, when (null: reached but the moment is not known), current or not.</summary>
public sealed record TrackingStage(CustomerStatus Stage, DateTimeOffset? At, bool Reached, bool Current);

/// <summary>A carrier's event; <see cref="Kind"/> is null when its note is not one the hub writes (shown as 物流更新).</summary>
public sealed record TrackingEvent(DateTimeOffset At, CarrierEventKind? Kind);
