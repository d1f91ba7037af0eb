using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Douyin;
using OrderActors.Connectors.Jd;
using OrderActors.Connectors.Meituan;
using OrderActors.Connectors.Miniapp;
using OrderActors.Connectors.Pdd;
using OrderActors.Connectors.Taobao;
using OrderActors.Domain.Addresses;

namespace OrderActors.Connectors;

/// <summary>The connector of each channel, looked up by the channel in the intake route.</summary>
public sealed class ConnectorRegistry
{
    private readonly Dictionary<Channel, IChannelConnector> _connectors;

    public ConnectorRegistry(IEnumerable<IChannelConnector> connectors)
    {
        _connectors = connectors.ToDictionary(connector => connector.Channel);
    }

    /// <summary>The six built-in connectors, addresses checked against the shipped division list.</summary>
    public static ConnectorRegistry CreateDefault()
    {
        DivisionCatalog divisions = DivisionCatalog.Default;
        return new ConnectorRegistry(
        [
            new TaobaoConnector(),
            new JdConnector(divisions),
            new PddConnector(divisions),
            new DouyinConnector(),
            new MeituanConnector(divisions),
            new MiniappConnector(),
        ]);
    }

    /// <summary>The connector for <paramref name="channel"/>; every channel has one in the default registry.</summary>
    public IChannelConnector Get(Channel channel) =>
        _connectors.TryGetValue(channel, out IChannelConnector? connector)
            ? connector
            : throw new KeyNotFoundException($"No connector is registered for {channel}.");
}
