using System.Text.Json;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors;

/// <summary>Reads one platform's own order and message payloads into the hub's normalised terms.</summary>
public interface IChannelConnector
{
    Channel Channel { get; }

    /// <summary>Reads a full order (the platform's order-detail payload); field-level errors when it is malformed.</summary>
    ConnectorResult<NormalizedOrder> ParseOrder(JsonElement payload);

    /// <summary>Reads a later status message about <paramref name="externalOrderId"/> in the platform's push format.</summary>
    ConnectorResult<PlatformEvent> ParseEvent(string externalOrderId, JsonElement payload);
}
