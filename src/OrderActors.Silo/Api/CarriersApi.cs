using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api.Contracts;
using OrderActors.Silo.Tracking;
using Orleans;

namespace OrderActors.Silo.Api;

/// <summary>Carriers' tracking feeds (已揽收, 在途, 已签收 …), matched to orders by tracking number.</summary>
public static class CarriersApi
{
    private static readonly Dictionary<string, CarrierEventKind> Events = new(StringComparer.OrdinalIgnoreCase)
    {
        ["picked_up"] = CarrierEventKind.PickedUp,
        ["in_transit"] = CarrierEventKind.InTransit,
        ["out_for_delivery"] = CarrierEventKind.OutForDelivery,
        ["delivered"] = CarrierEventKind.Delivered,
        ["exception"] = CarrierEventKind.Exception,
    };

    public static RouteGroupBuilder MapCarriersApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/carriers").WithTags("Carriers");
        group.MapPost("/{carrier}/tracking", PostTrackingAsync).RequireAuthorization(Permissions.Carriers);
        return group;
    }

    public static async Task<Ok<OrderResponse>> PostTrackingAsync(
        string carrier, CarrierTrackingRequest body, HttpContext context, IGrainFactory grains, TrackingLinks links, TimeProvider time)
    {
        var check = new RequestCheck();
        string carrierId = check.Id("carrier", carrier);
        string trackingNo = check.Id("trackingNo", body.TrackingNo);
        string eventName = check.Required("event", body.Event);
        if (eventName.Length > 0 && !Events.ContainsKey(eventName))
        {
            check.Add("event", $"Unknown carrier event '{eventName}': one of {string.Join(", ", Events.Keys)}.");
        }
        check.ThrowIfAny();
        string tenant = Tenancy.Of(context);
        string orderId = await FindOrderAsync(grains, tenant, carrierId, trackingNo)
            ?? throw new NotFoundException($"No order shipped with {carrierId} tracking number {trackingNo}.");
        var carrierEvent = new CarrierEvent(carrierId, trackingNo, Events[eventName], body.At?.ToUniversalTime() ?? time.GetUtcNow());
        OrderRecord order = await grains.GetGrain<IOrderGrain>(Keys.Order(tenant, orderId)).ApplyCarrierEventAsync(carrierEvent);
        return TypedResults.Ok(links.Response(context, order));
    }

    /// <summary>Carrier codes compare case-insensitively; a shipment recorded before they did is still found under its code as sent.</summary>
    private static async Task<string?> FindOrderAsync(IGrainFactory grains, string tenant, string carrier, string trackingNo)
    {
        string? orderId = await grains.GetGrain<ITrackingIndexGrain>(Keys.Tracking(tenant, carrier, trackingNo)).GetOrderAsync();
        string asSent = Keys.TrackingAsSent(tenant, carrier, trackingNo);
        return orderId is null && asSent != Keys.Tracking(tenant, carrier, trackingNo)
            ? await grains.GetGrain<ITrackingIndexGrain>(asSent).GetOrderAsync()
            : orderId;
    }
}
