using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Tests.Support;

/// <summary>The default registry's connectors, shared by every test.</summary>
public static class Registered
{
    public static ConnectorRegistry Registry { get; } = ConnectorRegistry.CreateDefault();

    public static IChannelConnector For(Channel channel) => Registry.Get(channel);
}
