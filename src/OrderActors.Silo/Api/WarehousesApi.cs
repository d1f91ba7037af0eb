using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Stock;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api.Contracts;
using Orleans;

namespace OrderActors.Silo.Api;

/// <summary>Warehouses and their breakers.</summary>
public static class WarehousesApi
{
    private static readonly TimeSpan RerouteWait = TimeSpan.FromSeconds(30);

    public static RouteGroupBuilder MapWarehousesApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/warehouses").WithTags("Warehouses");
        group.MapPut("/{warehouseId}", PutAsync).RequireAuthorization(Permissions.SetupWrite);
        group.MapGet("/", ListAsync).RequireAuthorization(Permissions.Read);
        group.MapGet("/{warehouseId}", GetAsync).RequireAuthorization(Permissions.Read);
        group.MapPost("/{warehouseId}/breaker/trip", TripAsync).RequireAuthorization(Permissions.BreakersWrite);
        group.MapPost("/{warehouseId}/breaker/reset", ResetAsync).RequireAuthorization(Permissions.BreakersWrite);
        group.MapPost("/{warehouseId}/sensors", SensorsAsync).RequireAuthorization(Permissions.SetupWrite);
        return group;
    }

    public static async Task<Ok<WarehouseResponse>> PutAsync(string warehouseId, WarehouseRequest body, HttpContext context, IGrainFactory grains)
    {
        var check = new RequestCheck();
        string id = check.Id("warehouseId", warehouseId);
        string name = check.Required("name", body.Name);
        double latitude = check.Required("latitude", body.Latitude);
        double longitude = check.Required("longitude", body.Longitude);
        check.Range("latitude", latitude, -90, 90);
        check.Range("longitude", longitude, -180, 180);
        int capacity = body.DailyCapacity ?? 0;
        check.Range("dailyCapacity", capacity, 0, int.MaxValue);
        List<string> backups = await CheckBackupsAsync(check, id, body.Backups ?? [], grains, Tenancy.Of(context));
        string? supplier = body.SupplierId is null ? null : check.Id("supplierId", body.SupplierId);
        check.ThrowIfAny();
        var definition = new WarehouseDefinition(name, new GeoPoint(latitude, longitude), body.Region?.Trim() ?? "", body.ColdChain ?? false,
            capacity, backups, supplier);
        WarehouseView view = await Warehouse(grains, context, id).UpsertAsync(definition);
        return TypedResults.Ok(await ResponseAsync(grains, Tenancy.Of(context), view));
    }

    public static async Task<Ok<List<WarehouseResponse>>> ListAsync(HttpContext context, IGrainFactory grains)
    {
        string tenant = Tenancy.Of(context);
        IReadOnlyList<WarehouseSummary> summaries = await grains.GetGrain<ICatalogGrain>(tenant).ListWarehousesAsync();
        WarehouseView?[] views = await Task.WhenAll(summaries.Select(s => grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(tenant, s.WarehouseId)).GetAsync()));
        WarehouseResponse[] responses = await Task.WhenAll(views.OfType<WarehouseView>().Select(v => ResponseAsync(grains, tenant, v)));
        return TypedResults.Ok(responses.ToList());
    }

    public static async Task<Ok<WarehouseResponse>> GetAsync(string warehouseId, HttpContext context, IGrainFactory grains)
    {
        WarehouseView view = await Warehouse(grains, context, RequestCheck.ValidId("warehouseId", warehouseId)).GetAsync()
            ?? throw new NotFoundException($"Warehouse {warehouseId} is not defined.");
        return TypedResults.Ok(await ResponseAsync(grains, Tenancy.Of(context), view));
    }

    public static async Task<Ok<TripResponse>> TripAsync(string warehouseId, TripRequest? body, HttpContext context, IGrainFactory grains)
    {
        var check = new RequestCheck();
        string reason = check.Required("reason", body?.Reason);
        check.ThrowIfAny();
        IWarehouseGrain warehouse = Warehouse(grains, context, RequestCheck.ValidId("warehouseId", warehouseId));
        TripResult trip = await warehouse.TripAsync(reason, BreakerSource.Operator);
        RerouteProgress progress = await WaitForReroutesAsync(warehouse, trip, context.RequestAborted);
        return TypedResults.Ok(new TripResponse(
            trip.State, progress.Rerouted, progress.Unroutable, progress.Pending, trip.Epoch, progress.Affected, progress.NotAffected));
    }

    public static async Task<Ok<ResetResponse>> ResetAsync(string warehouseId, HttpContext context, IGrainFactory grains)
    {
        WarehouseView view = await Warehouse(grains, context, RequestCheck.ValidId("warehouseId", warehouseId)).ResetAsync(Operators.SourceOf(context));
        return TypedResults.Ok(new ResetResponse(view.Breaker.State));
    }

    public static async Task<Ok<WarehouseResponse>> SensorsAsync(string warehouseId, SensorRequest body, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var check = new RequestCheck();
        double temperature = check.Required("temperatureC", body.TemperatureC);
        check.Range("temperatureC", temperature, -80, 80);
        check.ThrowIfAny();
        WarehouseView view = await Warehouse(grains, context, RequestCheck.ValidId("warehouseId", warehouseId))
            .RecordSensorAsync(new SensorReading(temperature, body.Humidity, body.At?.ToUniversalTime() ?? time.GetUtcNow()));
        return TypedResults.Ok(await ResponseAsync(grains, Tenancy.Of(context), view));
    }

    /// <summary>Reroutes run in the orders; the trip answers once all reported back, or after a bounded wait.</summary>
    private static async Task<RerouteProgress> WaitForReroutesAsync(IWarehouseGrain warehouse, TripResult trip, CancellationToken aborted)
    {
        if (trip.AlreadyOpen || trip.AffectedOrders == 0)
        {
            return new RerouteProgress(trip.Epoch, trip.AffectedOrders, 0, 0, 0, 0);
        }
        DateTime deadline = DateTime.UtcNow + RerouteWait;
        while (true)
        {
            RerouteProgress progress = await warehouse.GetRerouteProgressAsync(trip.Epoch);
            if (progress.Pending == 0 || DateTime.UtcNow > deadline || aborted.IsCancellationRequested)
            {
                return progress;
            }
            await Task.Delay(25, CancellationToken.None);
        }
    }

    private static async Task<WarehouseResponse> ResponseAsync(IGrainFactory grains, string tenant, WarehouseView view)
    {
        ICatalogGrain catalog = grains.GetGrain<ICatalogGrain>(tenant);
        IReadOnlyList<string> skus = await catalog.SkusAtAsync(view.WarehouseId);
        AllocationSnapshot snapshot = await catalog.GetAllocationSnapshotAsync(skus);
        List<StockLevel> levels = snapshot.Levels.Where(l => l.WarehouseId == view.WarehouseId).ToList();
        long sellable = levels.Sum(l => Math.Max(0L, (long)l.OnHand - l.SafetyStock));
        double? ratio = sellable == 0 ? null : Math.Round((double)levels.Sum(l => (long)l.Reserved) / sellable, 4);
        return WarehouseResponse.From(view, ratio);
    }

    /// <summary>Backups take this warehouse's orders when its breaker opens: each must be another warehouse that exists, listed once.</summary>
    private static async Task<List<string>> CheckBackupsAsync(
        RequestCheck check, string warehouseId, IReadOnlyList<string?> backups, IGrainFactory grains, string tenant)
    {
        List<string> ids = backups.Select(b => check.Id("backups", b)).ToList();
        if (ids.Count == 0)
        {
            return ids;
        }
        HashSet<string> known = (await grains.GetGrain<ICatalogGrain>(tenant).ListWarehousesAsync()).Select(w => w.WarehouseId).ToHashSet();
        var seen = new HashSet<string>();
        foreach (string backup in ids.Where(b => b.Length > 0 && Keys.IsValidId(b)))
        {
            if (backup == warehouseId)
            {
                check.Add("backups", $"backups names {backup} itself: a warehouse cannot be its own backup.");
            }
            else if (!seen.Add(backup))
            {
                check.Add("backups", $"backups lists {backup} twice.");
            }
            else if (!known.Contains(backup))
            {
                check.Add("backups", $"backups names {backup}, which is not a warehouse: create it first.");
            }
        }
        return ids;
    }

    private static IWarehouseGrain Warehouse(IGrainFactory grains, HttpContext context, string warehouseId) =>
        grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(Tenancy.Of(context), warehouseId));
}
