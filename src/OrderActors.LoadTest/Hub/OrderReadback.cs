using System.Text.Json.Nodes;
using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Hub;

/// <summary>What GET /api/v1/orders/{id} said about one acknowledged order.</summary>
public sealed record OrderReadback(LedgerEntry Entry, int StatusCode, OrderStatus? Status, string? RawStatus, IReadOnlyList<(string Sku, string WarehouseId, int Quantity)> Allocations)
{
    /// <summary>Statuses in which an order holds stock (reserved, allocated or shipped from it).</summary>
    public static IReadOnlySet<OrderStatus> HoldingStock { get; } = new HashSet<OrderStatus>
    {
        OrderStatus.Reserved, OrderStatus.Allocated, OrderStatus.Shipped, OrderStatus.InTransit, OrderStatus.Delivered, OrderStatus.Completed,
    };

    /// <summary>Where a paid, never-cancelled order may stand once the backlog has drained.</summary>
    public static IReadOnlySet<OrderStatus> SettledAfterPayment { get; } = new HashSet<OrderStatus>
    {
        OrderStatus.Allocated, OrderStatus.OnHold, OrderStatus.Shipped, OrderStatus.InTransit, OrderStatus.Delivered, OrderStatus.Completed,
    };

    public bool Found => StatusCode == 200;

    /// <summary>
    /// Null when the status agrees with what the load test did to the order; otherwise why not. A cancellation
    /// that was accepted must show Cancelled; a paid order must have moved past Paid and Reserved; an order never
    /// paid must still await payment. Orders with a message whose answer was lost are only checked for a known status.
    /// </summary>
    public string? Mismatch()
    {
        if (Status is not { } status)
        {
            return $"unknown status '{RawStatus}'";
        }
        if (Entry.Uncertain)
        {
            return null;
        }
        if (Entry.Cancelled)
        {
            return status == OrderStatus.Cancelled ? null : $"cancelled, but {status}";
        }
        if (Entry.Paid)
        {
            return SettledAfterPayment.Contains(status) ? null : $"paid, but {status}";
        }
        return status == OrderStatus.PendingPayment ? null : $"never paid, but {status}";
    }

    public static OrderReadback Parse(LedgerEntry entry, HubResponse response)
    {
        if (!response.IsSuccess || response.Body is not JsonObject order)
        {
            return new OrderReadback(entry, response.StatusCode, null, null, []);
        }
        string? raw = (string?)order["status"];
        OrderStatus? status = Enum.TryParse(raw, ignoreCase: false, out OrderStatus parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var allocations = new List<(string, string, int)>();
        foreach (JsonNode? line in order["lines"] as JsonArray ?? [])
        {
            string? sku = (string?)line?["sku"];
            foreach (JsonNode? allocation in line?["allocations"] as JsonArray ?? [])
            {
                string? warehouse = (string?)allocation?["warehouseId"];
                int quantity = allocation?["quantity"]?.GetValue<int>() ?? 0;
                if (sku is not null && warehouse is not null)
                {
                    allocations.Add((sku, warehouse, quantity));
                }
            }
        }
        return new OrderReadback(entry, response.StatusCode, status, raw, allocations);
    }
}
