using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Cli.Http;

// The facade's response shapes as the CLI reads them (docs/API.md); fields the CLI does not show are left out.

/// <summary>GET /api/v1/warehouses/{id}.</summary>
public sealed record Warehouse(
    string WarehouseId, string Name, double Latitude, double Longitude, string Region, bool ColdChain, int DailyCapacity,
    IReadOnlyList<string> Backups, Breaker Breaker, double? TemperatureC, DateTimeOffset? TemperatureAt,
    DateTimeOffset? LastCarrierEventAt, double? ReservedRatio, int ReroutedOrders);

/// <summary>A warehouse breaker: its state, why, since when, and who moved it.</summary>
public sealed record Breaker(BreakerState State, string? Reason, DateTimeOffset Since, string? Source);

/// <summary>POST /api/v1/warehouses/{id}/breaker/trip.</summary>
public sealed record TripOutcome(
    BreakerState State, int AffectedOrders, int ReroutedOrders, int UnroutableOrders, int NotAffectedOrders, int PendingOrders);

/// <summary>POST /api/v1/warehouses/{id}/breaker/reset.</summary>
public sealed record ResetOutcome(BreakerState State);

/// <summary>GET /api/v1/orders/{id}, and the answer to every order command.</summary>
public sealed record Order(
    string OrderId, string Channel, string ExternalOrderId, OrderStatus Status, string CustomerStatus,
    IReadOnlyList<OrderLine> Lines, long AmountFen, long ShippingFeeFen, string? BuyerNote,
    ShippingAddress ShippingAddress, Receiver Receiver, IReadOnlyList<Hold> Holds, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<Explanation>? AllocationExplanation, string? Carrier, string? TrackingNo, int Reroutes,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One order line with the warehouses it was allocated to.</summary>
public sealed record OrderLine(
    string? Sku, string PlatformSkuId, string Title, string? Variant, int Quantity, long UnitPriceFen, IReadOnlyList<Allocation> Allocations);

/// <summary>Units of a line that ship from one warehouse.</summary>
public sealed record Allocation(string WarehouseId, int Quantity);

/// <summary>Where an order goes; the street comes masked.</summary>
public sealed record ShippingAddress(string Province, string City, string District, string Detail);

/// <summary>Who receives an order, name and phone masked by the server.</summary>
/// <summary>The receiver, masked; <see cref="Encrypted"/> while it is platform ciphertext waiting for the decrypt result.</summary>
public sealed record Receiver(string Name, string Phone, bool Encrypted = false);

/// <summary>Why an order waits for a person (挂起), by reason code.</summary>
public sealed record Hold(string Code, string Message, DateTimeOffset At, bool Blocking);

/// <summary>One status an order reached, when, from whom, and why.</summary>
public sealed record TimelineEntry(OrderStatus Status, DateTimeOffset At, string Source, string? Note);

/// <summary>One step of the allocation's reasoning (分仓说明).</summary>
public sealed record Explanation(string Layer, string Text);

/// <summary>GET /api/v1/orders: one page of the order projection.</summary>
public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, int Page, int PageSize, long Total);

/// <summary>One row of the order list.</summary>
public sealed record OrderSummary(
    string OrderId, string Channel, string ExternalOrderId, OrderStatus Status, string CustomerStatus, long AmountFen,
    IReadOnlyList<string> WarehouseIds, IReadOnlyList<string> HoldCodes, int Reroutes, DateTimeOffset CreatedAt);

/// <summary>PUT /api/v1/inventory/{warehouseId}/{sku}, and one warehouse's row of GET /api/v1/inventory/{sku}.</summary>
public sealed record InventoryLevel(string Sku, string WarehouseId, int OnHand, int Reserved, int Available, int SafetyStock, int Buckets);

/// <summary>GET /api/v1/inventory/{sku}.</summary>
public sealed record SkuInventory(string Sku, IReadOnlyList<InventoryLevel> Warehouses, int TotalAvailable);

/// <summary>GET /readyz: the overall status and each check's.</summary>
public sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, ReadinessCheck> Checks);

/// <summary>One readiness check (storage, cluster).</summary>
public sealed record ReadinessCheck(string Status, string? Description, string? Error);
