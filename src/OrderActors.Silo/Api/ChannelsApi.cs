using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api.Contracts;
using OrderActors.Silo.Tracking;
using Orleans;

namespace OrderActors.Silo.Api;

/// <summary>Channel connectors post platform orders and status messages here, in the platform's own shape.</summary>
public static class ChannelsApi
{
    public static RouteGroupBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/channels").WithTags("Channels");
        group.MapPost("/{channel}/orders", PostOrderAsync).RequireAuthorization(Permissions.Intake).RequireRateLimiting(AccessSetup.IntakeRateLimit)
            .WithMetadata(new IntakeRoute());
        group.MapPost("/{channel}/orders/{externalOrderId}/events", PostEventAsync).RequireAuthorization(Permissions.Intake)
            .RequireRateLimiting(AccessSetup.IntakeRateLimit).WithMetadata(new IntakeRoute());
        return group;
    }

    public static async Task<Accepted<IntakeResponse>> PostOrderAsync(
        string channel, HttpContext context, IGrainFactory grains, ConnectorRegistry connectors, TimeProvider time)
    {
        Channel parsed = Known(channel);
        DateTimeOffset receivedAt = time.GetUtcNow();
        JsonElement body = await ChannelBody.ReadAsync(context.Request, context.RequestAborted);
        ConnectorResult<NormalizedOrder> result = connectors.Get(parsed).ParseOrder(body, receivedAt);
        if (!result.IsSuccess)
        {
            throw new RequestValidationException(result.Errors);
        }
        NormalizedOrder order = result.Value;
        RequestCheck.ValidId("externalOrderId", order.ExternalOrderId);
        string orderId = Keys.OrderId(parsed, order.ExternalOrderId);
        IntakeResult intake = await grains.GetGrain<IOrderGrain>(Keys.Order(Tenancy.Of(context), orderId)).SubmitAsync(order, receivedAt);
        var response = new IntakeResponse(intake.OrderId, intake.Status, intake.Duplicate,
            intake.Holds.Select(h => new HoldResponse(h.Code, h.Message, h.At, h.Blocking)).ToList());
        return TypedResults.Accepted($"/api/v1/orders/{orderId}", response);
    }

    public static async Task<Ok<OrderResponse>> PostEventAsync(
        string channel, string externalOrderId, HttpContext context, IGrainFactory grains, TrackingLinks links, ConnectorRegistry connectors)
    {
        Channel parsed = Known(channel);
        string externalId = RequestCheck.ValidId("externalOrderId", externalOrderId);
        JsonElement body = await ChannelBody.ReadAsync(context.Request, context.RequestAborted);
        ConnectorResult<PlatformEvent> result = connectors.Get(parsed).ParseEvent(externalId, body);
        if (!result.IsSuccess)
        {
            throw new RequestValidationException(result.Errors);
        }
        OrderRecord order = await grains.GetGrain<IOrderGrain>(Keys.Order(Tenancy.Of(context), Keys.OrderId(parsed, externalId)))
            .ApplyPlatformEventAsync(result.Value);
        return TypedResults.Ok(links.Response(context, order));
    }

    private static Channel Known(string channel) => ChannelNames.TryParse(channel, out Channel parsed)
        ? parsed
        : throw new NotFoundException($"Unknown channel '{channel}': one of {string.Join(", ", ChannelNames.All)}.");
}
