using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Orders;
using OrderActors.Silo.Api;
using OrderActors.Silo.Api.Contracts;

namespace OrderActors.Silo.Tracking;

/// <summary>The absolute URL of an order's tracking page, as the order JSON gives it (<c>trackingUrl</c>) and the SMS will.</summary>
public sealed class TrackingLinks(TrackingTokens tokens, IOptions<TrackingOptions> options, IServer server)
{
    /// <summary>
    /// The page for a message that leaves the hub (the buyer's SMS): under <see cref="TrackingOptions.PublicBaseUrl"/>, else
    /// under the address this silo listens on (fine on one machine; set the public base in production).
    /// </summary>
    public string ForBuyer(string tenant, string orderId)
    {
        string root = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "").TrimEnd('/')
            : options.Value.PublicBaseUrl.TrimEnd('/');
        return $"{root}{TrackingPage.Prefix}/{tokens.Issue(tenant, orderId)}";
    }

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
