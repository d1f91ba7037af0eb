using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Channels;
using OrderActors.Abstractions.Events;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Connectors.Pull;
using OrderActors.Grains.Audit;
using OrderActors.Silo.Access;
using OrderActors.Silo.Projections;
using Orleans;

namespace OrderActors.Silo.Api;

/// <summary>What operators watch: the health dashboard and the invariant audit.</summary>
public static class ObservingApi
{
    public static IEndpointRouteBuilder MapObservingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dashboard", DashboardAsync).WithTags("Observing").RequireAuthorization(Permissions.Read);
        app.MapGet("/api/v1/audit", AuditAsync).WithTags("Observing").RequireAuthorization(Permissions.Read);
        app.MapPost("/api/v1/admin/projections/orders/rebuild", RebuildAsync).WithTags("Admin").RequireAuthorization(Permissions.SetupWrite);
        return app;
    }

    public static async Task<Ok<DashboardResponse>> DashboardAsync(
        HttpContext context, IGrainFactory grains, IOrderProjection projection, IOptions<ChannelPullOptions> pullOptions, TimeProvider time)
    {
        string tenant = Tenancy.Of(context);
        ICatalogGrain catalog = grains.GetGrain<ICatalogGrain>(tenant);
        Task<OrderStats> stats = projection.StatsAsync(tenant);
        Task<IReadOnlyList<WarehouseSummary>> warehouses = catalog.ListWarehousesAsync();
        Task<StockHealth> stock = catalog.GetStockHealthAsync();
        Task<EventLogView> events = grains.GetGrain<ITenantEventLogGrain>(tenant).GetAsync();
        Task<ChannelPullResponse[]> pulls = ChannelPullApi.StatusesAsync(grains, pullOptions.Value, tenant);
        await Task.WhenAll(stats, warehouses, stock, events, pulls);
        return TypedResults.Ok(new DashboardResponse(
            stats.Result.ByStatus, stats.Result.LastMinute, stats.Result.Total, stats.Result.OnHold, stats.Result.HoldsByCode,
            warehouses.Result.Count(w => w.Breaker == BreakerState.Open),
            warehouses.Result.Select(w => new BreakerSummary(w.WarehouseId, w.Name, w.Breaker)).ToList(),
            stats.Result.Reroutes, stock.Result.LowStock, stock.Result.Oversold, time.GetUtcNow(),
            new DashboardEvents(events.Result.ByKind, events.Result.LastSeq),
            pulls.Result.Select(DashboardPull.From).ToList()));
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
    IReadOnlyList<LowStockAlert> LowStock, int Oversold, DateTimeOffset GeneratedAt, DashboardEvents Events, IReadOnlyList<DashboardPull> Pulls);

/// <summary>The tenant's hub events as its event log took them in from the stream: each counted once per kind.</summary>
public sealed record DashboardEvents(IReadOnlyDictionary<string, long> ByKind, long LastSeq);

/// <summary>
/// One channel's pull on the dashboard: its last run (either kind) — when, its state, orders fetched, new ones, errors
/// and the first error's message — or why it is not configured.
/// </summary>
public sealed record DashboardPull(
    string Channel, bool Configured, bool Scheduled, DateTimeOffset? Cursor, DateTimeOffset? LastRunAt, PullRunState? State, int Fetched, int New,
    int Errors, string? LastError, string? NotConfigured)
{
    public static DashboardPull From(ChannelPullResponse pull) => pull.LastRun is { } run
        ? new DashboardPull(pull.Channel, pull.Configured, pull.Scheduled, pull.Cursor, run.FinishedAt ?? run.StartedAt, run.State, run.Fetched, run.New,
            run.ErrorCount, run.Errors.LastOrDefault()?.Message, pull.NotConfigured)
        : new DashboardPull(pull.Channel, pull.Configured, pull.Scheduled, pull.Cursor, null, null, 0, 0, 0, null, pull.NotConfigured);
}

public sealed record BreakerSummary(string WarehouseId, string Name, BreakerState State);

public sealed record RebuildResponse(long Orders);
