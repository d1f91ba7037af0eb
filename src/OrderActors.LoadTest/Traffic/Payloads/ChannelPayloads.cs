using OrderActors.Abstractions.Orders;

namespace OrderActors.LoadTest.Traffic.Payloads;

/// <summary>The payload builder of each channel.</summary>
public static class ChannelPayloads
{
    private static readonly Dictionary<Channel, IChannelPayloads> _builders = new IChannelPayloads[]
    {
        new TaobaoPayloads(), new JdPayloads(), new PddPayloads(), new DouyinPayloads(), new MeituanPayloads(), new MiniappPayloads(),
    }.ToDictionary(builder => builder.Channel);

    public static IChannelPayloads For(Channel channel) => _builders[channel];
}
