using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>Writes a simulated order and the buyer's later actions in one platform's own JSON shapes.</summary>
public interface IChannelPayloads
{
    Channel Channel { get; }

    /// <summary>The order-detail payload as the platform's API returns it; <paramref name="sentAt"/> is when it is pushed.</summary>
    JsonNode Order(OrderPlan plan, DateTimeOffset sentAt);

    /// <summary>The platform's message that the buyer paid at <paramref name="at"/>.</summary>
    JsonNode Paid(OrderPlan plan, DateTimeOffset at);

    /// <summary>The platform's message that the order was cancelled (closed unpaid, or cancelled by the buyer) at <paramref name="at"/>.</summary>
    JsonNode Cancelled(OrderPlan plan, DateTimeOffset at);
}
