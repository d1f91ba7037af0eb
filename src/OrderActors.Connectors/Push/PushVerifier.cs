using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Push;

/// <summary>
/// Verifies a channel push the way its platform signs it, against the channel's configured shops
/// (<c>Channels:{channel}:Shops</c>, see <see cref="Pull.ChannelPullOptions.Shops"/>): the shop is the one whose app
/// key the push names.
/// </summary>
public static class PushVerifier
{
    /// <summary>How far a signed time may be from now, either way.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    public static PushVerdict Verify(PushRequest request, IReadOnlyDictionary<string, ShopCredentials> shops, DateTimeOffset now) =>
        Verify(request, shops, now, DefaultWindow);

    /// <summary>
    /// <see cref="PushVerdict.Unsigned"/> when the push carries no signature field of its platform;
    /// <see cref="PushVerdict.Verified"/> with the tenant when it is signed with that shop's secret, within
    /// <paramref name="window"/> of <paramref name="now"/> where the scheme signs a time; otherwise
    /// <see cref="PushVerdict.Refused"/>.
    /// </summary>
    public static PushVerdict Verify(PushRequest request, IReadOnlyDictionary<string, ShopCredentials> shops, DateTimeOffset now, TimeSpan window)
    {
        var check = new PushCheck(request, shops, now, window);
        return request.Channel switch
        {
            Channel.Taobao => TaobaoPush.Verify(check),
            Channel.Jd => JdPush.Verify(check),
            Channel.Pdd => PddPush.Verify(check),
            Channel.Douyin => DouyinPush.Verify(check),
            Channel.Meituan => MeituanPush.Verify(check),
            Channel.Miniapp => MiniappPush.Verify(check),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Channel, "no such channel"),
        };
    }
}
