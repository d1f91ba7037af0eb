using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api.Contracts;
using OrderActors.Silo.Tracking;
using OrderActors.Silo.Projections;
using Orleans;

namespace OrderActors.Silo.Api;

/// <summary>Orders: one by id (from its grain), lists (from the projection), and operators' commands.</summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/orders").WithTags("Orders");
        group.MapGet("/{orderId}", GetAsync).RequireAuthorization(Permissions.OrdersRead);
        group.MapGet("/", ListAsync).RequireAuthorization(Permissions.OrdersRead);
        group.MapPost("/{orderId}/ship", ShipAsync).RequireAuthorization(Permissions.OrdersShip);
        group.MapPost("/{orderId}/cancel", CancelAsync).RequireAuthorization(Permissions.OrdersWrite);
        group.MapPost("/{orderId}/release-hold", ReleaseHoldAsync).RequireAuthorization(Permissions.OrdersWrite);
        group.MapPost("/{orderId}/receiver", DecryptReceiverAsync).RequireAuthorization(Permissions.OrdersWrite);
        group.MapPost("/{orderId}/deliver", DeliverAsync).RequireAuthorization(Permissions.OrdersWrite);
        group.MapPost("/{orderId}/complete", CompleteAsync).RequireAuthorization(Permissions.OrdersWrite);
        return group;
    }

    public static async Task<Ok<OrderResponse>> GetAsync(string orderId, HttpContext context, IGrainFactory grains, TrackingLinks links) =>
        TypedResults.Ok(links.Response(context, await ReadableAsync(grains, context, orderId)));

    public static async Task<Ok<PageResponse<OrderSummaryResponse>>> ListAsync(
        HttpContext context, IOrderProjection projection, IGrainFactory grains, string? status, string? channel, string? warehouseId, string? holdCode,
        DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize)
    {
        var check = new RequestCheck();
        OrderStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse(status, ignoreCase: true, out OrderStatus s))
            {
                parsedStatus = s;
            }
            else
            {
                check.Add("status", $"Unknown status '{status}': one of {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }
        }
        Channel? parsedChannel = channel is null ? null : Channels.Parse(check, channel);
        if (warehouseId is not null)
        {
            check.Id("warehouseId", warehouseId);
        }
        if (holdCode is not null)
        {
            check.Id("holdCode", holdCode);
        }
        int pageNumber = page ?? 1;
        int size = pageSize ?? 50;
        check.Range("page", pageNumber, 1, int.MaxValue);
        check.Range("pageSize", size, 1, 200);
        check.ThrowIfAny();
        string tenant = Tenancy.Of(context);
        IReadOnlyList<string>? within = await SupplierWarehousesAsync(grains, context, tenant);
        var query = new OrderQuery(tenant, parsedStatus, parsedChannel, warehouseId, holdCode, from, to, pageNumber, size, within);
        return TypedResults.Ok(await projection.QueryAsync(query));
    }

    public static async Task<Ok<OrderResponse>> ShipAsync(string orderId, ShipRequest body, HttpContext context, IGrainFactory grains, TrackingLinks links)
    {
        var check = new RequestCheck();
        string carrier = check.Id("carrier", body.Carrier);
        string trackingNo = check.Id("trackingNo", body.TrackingNo);
        check.ThrowIfAny();
        await ReadableAsync(grains, context, orderId);
        return TypedResults.Ok(links.Response(context, await Order(grains, context, orderId).ShipAsync(carrier, trackingNo, Operators.SourceOf(context))));
    }

    public static async Task<Ok<OrderResponse>> CancelAsync(string orderId, ReasonRequest? body, HttpContext context, IGrainFactory grains, TrackingLinks links)
    {
        OptionalText("reason", body?.Reason, TextLimits.Reason);
        return TypedResults.Ok(links.Response(context, await Order(grains, context, orderId).CancelAsync(body?.Reason, Operators.SourceOf(context))));
    }

    public static async Task<Ok<OrderResponse>> ReleaseHoldAsync(string orderId, NoteRequest? body, HttpContext context, IGrainFactory grains, TrackingLinks links)
    {
        OptionalText("note", body?.Note, TextLimits.Reason);
        return TypedResults.Ok(links.Response(context, await Order(grains, context, orderId).ReleaseHoldAsync(body?.Note, Operators.SourceOf(context))));
    }

    /// <summary>The platform's decrypt result for an order whose receiver came encrypted (the <c>pii_encrypted</c> hold).</summary>
    public static async Task<Ok<OrderResponse>> DecryptReceiverAsync(string orderId, ReceiverRequest body, HttpContext context, IGrainFactory grains, TrackingLinks links)
    {
        var check = new RequestCheck();
        string name = check.Required("name", body.Name);
        string phone = check.Required("phone", body.Phone);
        string detail = check.Required("detail", body.Detail);
        check.MaxLength("name", name, TextLimits.Name);
        check.MaxLength("phone", phone, TextLimits.Phone);
        check.MaxLength("detail", detail, TextLimits.Detail);
        check.ThrowIfAny();
        return TypedResults.Ok(links.Response(context, 
            await Order(grains, context, orderId).DecryptReceiverAsync(name, phone, detail, Operators.SourceOf(context))));
    }

    public static async Task<Ok<OrderResponse>> DeliverAsync(string orderId, HttpContext context, IGrainFactory grains, TrackingLinks links) =>
        TypedResults.Ok(links.Response(context, await Order(grains, context, orderId).DeliverAsync(Operators.SourceOf(context))));

    public static async Task<Ok<OrderResponse>> CompleteAsync(string orderId, HttpContext context, IGrainFactory grains, TrackingLinks links) =>
        TypedResults.Ok(links.Response(context, await Order(grains, context, orderId).CompleteAsync(Operators.SourceOf(context))));

    /// <summary>
    /// The order, when the principal may see it: a supplier sees only orders allocated to its warehouses; any other
    /// order is 404 to it, as if it did not exist (another supplier's orders are none of its business).
    /// </summary>
    private static async Task<OrderRecord> ReadableAsync(IGrainFactory grains, HttpContext context, string orderId)
    {
        OrderRecord? order = await Order(grains, context, orderId).GetAsync();
        IReadOnlyList<string>? within = await SupplierWarehousesAsync(grains, context, Tenancy.Of(context));
        if (order is null || (within is not null && !order.Allocations.Any(a => within.Contains(a.WarehouseId))))
        {
            throw new NotFoundException($"Order {orderId} does not exist.");
        }
        return order;
    }

    /// <summary>For a supplier, the warehouses it runs (those whose supplierId is its id); null for everyone else.</summary>
    private static async Task<IReadOnlyList<string>?> SupplierWarehousesAsync(IGrainFactory grains, HttpContext context, string tenant)
    {
        if (HubPrincipal.Of(context.User)?.Supplier is not { } supplier)
        {
            return null;
        }
        IReadOnlyList<WarehouseSummary> warehouses = await grains.GetGrain<ICatalogGrain>(tenant).ListWarehousesAsync();
        return warehouses.Where(w => w.SupplierId == supplier).Select(w => w.WarehouseId).ToList();
    }

    private static void OptionalText(string field, string? value, int max)
    {
        if (value is not null)
        {
            var check = new RequestCheck();
            check.MaxLength(field, value, max);
            check.ThrowIfAny();
        }
    }

    private static IOrderGrain Order(IGrainFactory grains, HttpContext context, string orderId) =>
        grains.GetGrain<IOrderGrain>(Keys.Order(Tenancy.Of(context), RequestCheck.ValidId("orderId", orderId)));
}
