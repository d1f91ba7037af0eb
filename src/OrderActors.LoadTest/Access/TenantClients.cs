using OrderActors.Abstractions.Orders;
using OrderActors.LoadTest.Hub;

namespace OrderActors.LoadTest.Access;

/// <summary>
/// One tenant of the run as the hub sees its callers: the operator (set-up, breaker trips, every read) and one
/// connector per channel, which alone posts that channel's orders and messages.
/// </summary>
public sealed class TenantClients(string tenant, HubClient operatorClient, IReadOnlyDictionary<Channel, HubClient> connectors)
{
    public string Tenant { get; } = tenant;

    public HubClient Operator { get; } = operatorClient;

    public HubClient Connector(Channel channel) =>
        connectors.TryGetValue(channel, out HubClient? connector)
            ? connector
            : throw new InvalidOperationException($"tenant {Tenant} has no connector:{channel.ToRouteName()} key");
}
