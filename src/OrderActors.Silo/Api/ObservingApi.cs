using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Events;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Grains.Audit;
using Orleans;
using OrderActors.Silo.Projections;

namespace OrderActors.Silo.Api;

/// <summary>What operators watch: the health dashboard and the invariant audit.</summary>
public static class ObservingApi
{
    public static IEndpointRouteBuilder MapObservingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dashboard", DashboardAsync).WithTags("Observing");
        app.MapGet("/api/v1/audit", AuditAsync).WithTags("Observing");
        app.MapPost("/api/v1/admin/projections/orders/rebuild", RebuildAsync).WithTags("Admin");
        return app;
    }

    public static async Task<Ok<DashboardResponse>> DashboardAsync(HttpContext context, IGrainFactory grains, IOrderProjection projection, TimeProvider time)
    {
        string tenant = Tenancy.Of(context);
        ICatalogGrain catalog = grains.GetGrain<ICatalogGrain>(tenant);
        Task<OrderStats> stats = projection.StatsAsync(tenant);
        Task<IReadOnlyList<WarehouseSummary>> warehouses = catalog.ListWarehousesAsync();
        Task<StockHealth> stock = catalog.GetStockHealthAsync();
        Task<EventLogView> events = grains.GetGrain<ITenantEventLogGrain>(tenant).GetAsync();
        await Task.WhenAll(stats, warehouses, stock, events);
        return TypedResults.Ok(new DashboardResponse(
            stats.Result.ByStatus, stats.Result.LastMinute, stats.Result.Total, stats.Result.OnHold, stats.Result.HoldsByCode,
            warehouses.Result.Count(w => w.Breaker == BreakerState.Open),
            warehouses.Result.Select(w => new BreakerSummary(w.WarehouseId, w.Name, w.Breaker)).ToList(),
            stats.Result.Reroutes, stock.Result.LowStock, stock.Result.Oversold, time.GetUtcNow(),
            new DashboardEvents(events.Result.ByKind, events.Result.LastSeq)));
    }

    public static async Task<Ok<AuditReport>> AuditAsync(HttpContext context, InventoryAudit audit, IOrderProjection projection)
    {
        string tenant = Tenancy.Of(context);
        return TypedResults.Ok(await audit.RunAsync(tenant, await projection.HoldingStockAsync(tenant)));
    }

    public static async Task<Ok<RebuildResponse>> RebuildAsync(IOrderProjection projection) =>
        TypedResults.Ok(new RebuildResponse(await projection.RebuildAsync()));
}

/// <summary>The order-health dashboard (订单健康度看板). <see cref="Oversold"/> must be 0.</summary>
public sealed record DashboardResponse(
    IReadOnlyDictionary<string, long> OrdersByStatus, long OrdersPerMinute, long TotalOrders, long Holds,
    IReadOnlyDictionary<string, long> HoldsByCode, int OpenBreakers, IReadOnlyList<BreakerSummary> Breakers, long Reroutes,
    IReadOnlyList<LowStockAlert> LowStock, int Oversold, DateTimeOffset GeneratedAt, DashboardEvents Events);

/// <summary>The tenant's hub events as its event log took them in from the stream: each counted once per kind.</summary>
public sealed record DashboardEvents(IReadOnlyDictionary<string, long> ByKind, long LastSeq);

public sealed record BreakerSummary(string WarehouseId, string Name, BreakerState State);

public sealed record RebuildResponse(long Orders);
