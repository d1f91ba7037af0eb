using System.Text.Json;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors;

/// <summary>Reads one platform's own order and message payloads into the hub's normalised terms.</summary>
public interface IChannelConnector
{
    Channel Channel { get; }

    /// <summary>
    /// Reads a full order (the platform's order-detail payload). It succeeds whenever the body has an order id and at
    /// least one line, with what else it could not use in <see cref="NormalizedOrder.Findings"/>; field errors (a 400)
    /// only for a body that is not the platform's order at all. <paramref name="receivedAt"/> stands in for an
    /// unreadable creation time (now when not given).
    /// </summary>
    ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload, DateTimeOffset? receivedAt = null);

    /// <summary>Reads a later status message about <paramref name="externalOrderId"/> in the platform's push format.</summary>
    ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload);
}
