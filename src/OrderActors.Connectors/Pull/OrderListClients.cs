using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Pull;

/// <summary>The list client of each channel.</summary>
public static class OrderListClients
{
    /// <summary>The name of the HTTP client the pulls use (no request logging: query strings may hold tokens).</summary>
    public const string HttpClientName = "orderactors-pull";

    public static IOrderListClient Create(PullTarget target, HttpClient http, TimeProvider time) => target.Channel switch
    {
        Channel.Taobao => new TaobaoListClient(target, http, time),
        Channel.Jd => new JdListClient(target, http, time),
        Channel.Pdd => new PddListClient(target, http, time),
        Channel.Douyin => new DouyinListClient(target, http, time),
        Channel.Meituan => new MeituanListClient(target, http, time),
        Channel.Miniapp => new MiniappListClient(target, http, time),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Channel, "No list client for this channel."),
    };
}
