using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;
using static OrderActors.Connectors.Tests.Support.Pushes;

namespace OrderActors.Connectors.Tests.Push;

/// <summary>
/// Issue 14: JD pushes signed as JOS signs an API call, the JSON body as <c>360buy_param_json</c>. The expected sign is
/// upper MD5 of <c>jd-s3cr3t 360buy_param_json{body} app_keyjd-app-1 timestamp2026-01-20 20:00:00 v2.0 jd-s3cr3t</c>,
/// computed with python3 hashlib.
/// </summary>
public sealed class JdPushTests
{
    private const string Url = "https://hub.example.com/api/v1/channels/jd/orders";
    private const string Body = "{\"orderId\":\"300012345678\",\"orderState\":\"WAIT_SELLER_STOCK_OUT\",\"modified\":\"2026-01-20 19:59:30\"}";
    private const string Secret = "jd-s3cr3t";
    private const string Sign = "C6779E53E9976278F06B4769F95C0266";

    private static readonly Dictionary<string, ShopCredentials> Shops = Shops(("acme", "jd-app-1", Secret));

    private static string Query(string sign = Sign, string timestamp = "2026-01-20%2020:00:00", string appKey = "jd-app-1") =>
        $"{Url}?app_key={appKey}&timestamp={timestamp}&v=2.0&sign={sign}";

    private static PushVerdict Verify(PushRequest request) => PushVerifier.Verify(request, Shops, Now);

    private static PushSignature SignedAt(DateTimeOffset at, string secret = Secret) => JdPush.Sign("jd-app-1", secret, at, new Dictionary<string, string>(), Body);

    [Fact]
    public void AJsonPushSignedWithItsBodyAs360buyParamJsonVerifies() =>
        Assert.Equal(new PushVerdict.Verified("acme", "jd-app-1", null, Now), Verified(Verify(Json(Channel.Jd, Query(), Body))));

    [Fact]
    public void SigningWritesTheSameSign()
    {
        PushSignature signature = SignedAt(Now);

        Assert.Equal(Sign, signature.Parameters["sign"]);
        Assert.Equal(["app_key", "timestamp", "v", "sign"], signature.Parameters.Keys);
    }

    [Fact]
    public void ALowerCaseSignVerifies() => Verified(Verify(Json(Channel.Jd, Query(Sign.ToLowerInvariant()), Body)));

    [Fact]
    public void ATamperedBodyIsRefused() =>
        Refused(Verify(Json(Channel.Jd, Query(), Body.Replace("300012345678", "300012345679", StringComparison.Ordinal))), "sign does not match");

    [Fact]
    public void APushSignedWithAnotherSecretIsRefused() =>
        Refused(Verify(Json(Channel.Jd, With(Url, SignedAt(Now, "guessed")), Body)), "sign does not match");

    [Fact]
    public void AnAppKeyNoShopHasIsRefused() => Refused(Verify(Json(Channel.Jd, Query(appKey: "jd-app-2"), Body)), "app_key 'jd-app-2' names no jd shop");

    [Fact]
    public void AStaleTimestampIsRefused() => Refused(Verify(Json(Channel.Jd, With(Url, SignedAt(Now.AddMinutes(-5.5))), Body)), "5.5 min old");

    [Fact]
    public void AFutureTimestampBeyondTheWindowIsRefused() =>
        Refused(Verify(Json(Channel.Jd, With(Url, SignedAt(Now.AddMinutes(7))), Body)), "7 min ahead");

    [Fact]
    public void ATimestampAtTheEdgeOfTheWindowVerifies() => Verified(Verify(Json(Channel.Jd, With(Url, SignedAt(Now.AddMinutes(-5))), Body)));

    [Fact]
    public void APushWithoutSignIsUnsigned() => Assert.Same(PushVerdict.Unsigned.Instance, Verify(Json(Channel.Jd, $"{Url}?app_key=jd-app-1", Body)));

    [Fact]
    public void ASignWithoutVersionIsRefusedNamingIt() =>
        Refused(Verify(Json(Channel.Jd, $"{Url}?app_key=jd-app-1&timestamp=2026-01-20%2020:00:00&sign={Sign}", Body)), "sign is present but not v");

    [Fact]
    public void ABodyBeside360buyParamJsonInTheQueryIsRefused() =>
        Refused(Verify(Json(Channel.Jd, $"{Query()}&360buy_param_json=%7B%7D", Body)), "360buy_param_json is sent as a parameter and as the body");

    [Fact]
    public void ABodyThatIsNotUtf8IsRefused() =>
        Refused(Verify(Request(Channel.Jd, Query(), "application/json", [0x7B, 0xC3, 0x28, 0x7D])), "not UTF-8");

    [Fact]
    public void EveryOneByteChangeOfTheBodyIsRefused() =>
        EveryOneByteChange(Body, body => Verify(Request(Channel.Jd, Query(), "application/json", body)) is PushVerdict.Refused);
}
