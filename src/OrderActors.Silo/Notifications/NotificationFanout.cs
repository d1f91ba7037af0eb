using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Events;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains;
using OrderActors.Notifications;
using OrderActors.Silo.Tracking;
using Orleans;

namespace OrderActors.Silo.Notifications;

/// <summary>
/// What a hub event means for people: an unpaid reminder (to the buyer, with the cancel time and a coupon), a shipment
/// (the buyer's tracking), a tripped breaker (the ops group). Each becomes one notification per tenant channel that
/// takes its kind; SMS channels only when the order has a phone to send to. Fields are read from the grains when the
/// event is fanned out, so a retry later sends the same text.
/// </summary>
public sealed class NotificationFanout(IGrainFactory grains, IOptions<HubOptions> hub, IOptions<NotificationOptions> options, TrackingLinks links)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The event kinds the hub sends today (the templates know more, for escalations and stock to come).</summary>
    public static readonly IReadOnlyList<string> Produced = [EventKinds.OrderShipped, EventKinds.UnpaidReminder, EventKinds.BreakerTripped];

    public async Task<IReadOnlyList<OutboxEntry>> EntriesAsync(OutboxEvent e, IReadOnlyList<ChannelConfig> channels)
    {
        if (channels.Count == 0 || await MessageAsync(e) is not { } message)
        {
            return [];
        }
        return channels
            .Where(c => c.Takes(message.Kind) && (c.Kind != ChannelKind.Sms || message.Recipient is not null))
            .Select(c => new OutboxEntry(e.Tenant, c.Name, e.Seq, message.Kind, message.Subject, message.Fields, c.Kind == ChannelKind.Sms ? message.Recipient : null))
            .ToList();
    }

    private async Task<(string Kind, string Subject, Dictionary<string, string> Fields, string? Recipient)?> MessageAsync(OutboxEvent e)
    {
        switch (e.Kind)
        {
            case HubEventKinds.UnpaidReminder:
            {
                if (await OrderAsync(e) is not { } order)
                {
                    return null;
                }
                DateTimeOffset cancelAt = order.CreatedAt + hub.Value.Unpaid.For(order.Channel).CancelAfter;
                return (EventKinds.UnpaidReminder, order.OrderId, new Dictionary<string, string>
                {
                    ["orderId"] = order.OrderId,
                    ["cancelAt"] = ChinaTime(cancelAt),
                    ["couponCode"] = options.Value.UnpaidCouponCode ?? "",
                }, Phone(order));
            }
            case HubEventKinds.OrderStatusChanged when Text(e.Data, "status") == nameof(OrderStatus.Shipped):
            {
                if (await OrderAsync(e) is not { } order)
                {
                    return null;
                }
                return (EventKinds.OrderShipped, order.OrderId, new Dictionary<string, string>
                {
                    ["orderId"] = order.OrderId,
                    ["carrier"] = order.Carrier ?? "",
                    ["trackingNo"] = order.TrackingNo ?? "",
                    ["trackingUrl"] = links.ForBuyer(e.Tenant, order.OrderId),
                }, Phone(order));
            }
            case HubEventKinds.BreakerChanged when Text(e.Data, "state") == nameof(BreakerState.Open):
            {
                string warehouseId = Text(e.Data, "warehouseId") ?? e.Subject;
                WarehouseView? view = await grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(e.Tenant, warehouseId)).GetAsync();
                return (EventKinds.BreakerTripped, warehouseId, new Dictionary<string, string>
                {
                    ["warehouseId"] = view is null ? warehouseId : $"{view.Definition.Name} ({warehouseId})",
                    ["reason"] = Text(e.Data, "reason") ?? "",
                    ["rerouted"] = view?.ReroutedOrders.ToString(CultureInfo.InvariantCulture) ?? "",
                }, null);
            }
            default:
                return null;
        }
    }

    private Task<OrderRecord?> OrderAsync(OutboxEvent e) =>
        grains.GetGrain<IOrderGrain>(Keys.Order(e.Tenant, Text(e.Data, "orderId") ?? e.Subject)).GetAsync();

    /// <summary>The buyer's phone, when the platform gave one in clear (not masked, not encrypted).</summary>
    private static string? Phone(OrderRecord order) =>
        order.Receiver is { Encrypted: false, PhoneMasked: false, Phone.Length: > 0 } receiver ? receiver.Phone : null;

    private static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string ChinaTime(DateTimeOffset at) =>
        at.ToOffset(China).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
