using OrderActors.Abstractions.Orders;
using OrderActors.Silo.Api.Contracts;

namespace OrderActors.Silo.Projections;

/// <summary>A filter and page over the order list.</summary>
public sealed record OrderQuery(
    string Tenant, OrderStatus? Status, Channel? Channel, string? WarehouseId, string? HoldCode,
    DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize, IReadOnlyList<string>? WithinWarehouses = null);

/// <summary>Order counts for the dashboard.</summary>
public sealed record OrderStats(
    IReadOnlyDictionary<string, long> ByStatus, long Total, long LastMinute, long OnHold, IReadOnlyDictionary<string, long> HoldsByCode, long Reroutes);

/// <summary>The order list kept in PostgreSQL next to order state (see the orderhub schema).</summary>
public interface IOrderProjection
{
    Task<PageResponse<OrderSummaryResponse>> QueryAsync(OrderQuery query);

    Task<OrderStats> StatsAsync(string tenant);

    /// <summary>Orders paid but still unallocated since before <paramref name="olderThan"/> (a crash, a lost message): to poke.</summary>
    Task<IReadOnlyList<(string Tenant, string OrderId)>> StuckAsync(DateTimeOffset olderThan, int limit);

    /// <summary>The orders that hold reserved stock (Reserved, Allocated), for the audit's order-to-bucket check.</summary>
    Task<IReadOnlyList<string>> HoldingStockAsync(string tenant);

    /// <summary>Rebuilds the list from order state; returns how many orders it holds.</summary>
    Task<long> RebuildAsync();
}

/// <summary>Memory storage keeps no projection: list and dashboard need PostgreSQL.</summary>
public sealed class ProjectionUnavailableException()
    : Exception("Order lists, the dashboard and live events need PostgreSQL storage (Silo:Storage = Postgres).");
