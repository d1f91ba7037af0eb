using System.Text.Json;

namespace OrderActors.Silo.Projections;

/// <summary>One durable hub event: order status changes, reroutes, breaker changes.</summary>
public sealed record HubEvent(long Seq, string Tenant, string Kind, string Subject, JsonElement Data, DateTimeOffset At)
{
    /// <summary>The SSE event name: order, warehouse or stock.</summary>
    public string Stream => Kind.StartsWith("Order", StringComparison.Ordinal) ? "order" : Kind.StartsWith("Breaker", StringComparison.Ordinal) ? "warehouse" : "stock";
}
