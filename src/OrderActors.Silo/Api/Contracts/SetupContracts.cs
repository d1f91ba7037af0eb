using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Silo.Api.Contracts;

public sealed record WarehouseRequest(
    string? Name, double? Latitude, double? Longitude, string? Region, bool? ColdChain, int? DailyCapacity, IReadOnlyList<string?>? Backups,
    string? SupplierId = null);

public sealed record BreakerResponse(BreakerState State, string? Reason, DateTimeOffset Since, string? Source);

public sealed record WarehouseResponse(
    string WarehouseId, string Name, double Latitude, double Longitude, string Region, bool ColdChain, int DailyCapacity,
    IReadOnlyList<string> Backups, BreakerResponse Breaker, double? TemperatureC, DateTimeOffset? TemperatureAt,
    DateTimeOffset? LastCarrierEventAt, double? ReservedRatio, int ReroutedOrders, string? SupplierId)
{
    public static WarehouseResponse From(WarehouseView w, double? reservedRatio) => new(
        w.WarehouseId, w.Definition.Name, w.Definition.Location.Latitude, w.Definition.Location.Longitude, w.Definition.Region,
        w.Definition.ColdChain, w.Definition.DailyCapacity, w.Definition.Backups,
        new BreakerResponse(w.Breaker.State, w.Breaker.Reason, w.Breaker.Since, w.Breaker.Source?.ToString().ToLowerInvariant()),
        w.TemperatureC, w.TemperatureAt, w.LastCarrierEventAt, reservedRatio, w.ReroutedOrders, w.Definition.SupplierId);
}

public sealed record TripRequest(string? Reason);

/// <summary>A trip's outcome: of the affected orders (those holding stock there), how many moved, went on hold, no longer held stock there, or are still under way.</summary>
public sealed record TripResponse(
    BreakerState State, int ReroutedOrders, int UnroutableOrders, int PendingOrders, long Epoch, int AffectedOrders, int NotAffectedOrders);

public sealed record ResetResponse(BreakerState State);

public sealed record SensorRequest(double? TemperatureC, double? Humidity, DateTimeOffset? At);

public sealed record SkuRequest(string? Name, bool? ColdChain, long? ListPriceFen, int? Buckets);

public sealed record SkuResponse(string Sku, string Name, bool ColdChain, long? ListPriceFen, int Buckets)
{
    public static SkuResponse From(SkuInfo s) => new(s.Sku, s.Name, s.ColdChain, s.ListPrice?.Fen, s.Buckets);
}

public sealed record InventoryRequest(int? OnHand, int? SafetyStock);

public sealed record InventoryResponse(
    string Sku, string WarehouseId, int OnHand, int Reserved, int Available, int SafetyStock, int Buckets, int ExpectedBack = 0, int Damaged = 0)
{
    public static InventoryResponse From(StockLevel l) =>
        new(l.Sku, l.WarehouseId, l.OnHand, l.Reserved, l.Available, l.SafetyStock, l.Buckets, l.ExpectedBack, l.Damaged);
}

public sealed record SkuInventoryResponse(string Sku, IReadOnlyList<InventoryResponse> Warehouses, int TotalAvailable);

public sealed record SkuMappingRequest(string? Sku, string? Variant);

public sealed record SkuMappingResponse(string Channel, string PlatformSkuId, string Sku, string? Variant);
