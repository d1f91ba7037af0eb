using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Orders;
using OrderActors.Silo.Api;
using OrderActors.Silo.Api.Contracts;

namespace OrderActors.Silo.Tracking;

/// <summary>The absolute URL of an order's tracking page, as the order JSON gives it (<c>trackingUrl</c>) and the SMS will.</summary>
public sealed class TrackingLinks(TrackingTokens tokens, IOptions<TrackingOptions> options)
{
    /// <summary>The page of <paramref name="orderId"/> in the request's tenant.</summary>
    public string For(HttpContext context, string orderId) => For(context, Tenancy.Of(context), orderId);

    public string For(HttpContext context, string tenant, string orderId)
    {
        string root = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : options.Value.PublicBaseUrl.TrimEnd('/');
        return $"{root}{TrackingPage.Prefix}/{tokens.Issue(tenant, orderId)}";
    }

    /// <summary>The order as the API answers it, with its <c>trackingUrl</c>.</summary>
    public OrderResponse Response(HttpContext context, OrderRecord order) => OrderResponse.From(order, For(context, order.OrderId));
}
