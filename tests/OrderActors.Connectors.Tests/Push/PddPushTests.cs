using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;
using static OrderActors.Connectors.Tests.Support.Pushes;

namespace OrderActors.Connectors.Tests.Push;

/// <summary>
/// Issue 14: Pinduoduo pushes signed as POP signs an API call, the JSON body as <c>data</c>. The expected sign is upper
/// MD5 of <c>pdd-s3cr3t client_idpdd-client-1 data{body} timestamp1768910400 pdd-s3cr3t</c>, computed with python3 hashlib.
/// </summary>
public sealed class PddPushTests
{
    private const string Url = "https://hub.example.com/api/v1/channels/pdd/orders";
    private const string Body = "{\"type\":\"pdd_trade_TradeConfirmed\",\"content\":\"{\\\"tid\\\":\\\"260120-123456789012345\\\"}\"}";
    private const string Secret = "pdd-s3cr3t";
    private const string Sign = "9E8343B3FAD152214574B08BE1183B8E";

    private static readonly Dictionary<string, ShopCredentials> Shops = Shops(("acme", "pdd-client-1", Secret));

    private static string Query(string sign = Sign, string timestamp = "1768910400", string clientId = "pdd-client-1") =>
        $"{Url}?client_id={clientId}&timestamp={timestamp}&sign={sign}";

    private static PushVerdict Verify(PushRequest request) => PushVerifier.Verify(request, Shops, Now);

    private static PushSignature SignedAt(DateTimeOffset at, string secret = Secret) => PddPush.Sign("pdd-client-1", secret, at, new Dictionary<string, string>(), Body);

    [Fact]
    public void AJsonPushSignedWithItsBodyAsDataVerifies() =>
        Assert.Equal(new PushVerdict.Verified("acme", "pdd-client-1", null, Now), Verified(Verify(Json(Channel.Pdd, Query(), Body))));

    [Fact]
    public void SigningWritesTheSameSign() => Assert.Equal(Sign, SignedAt(Now).Parameters["sign"]);

    [Fact]
    public void AFormPushSignsItsFieldsWithoutData()
    {
        PushSignature signature = PddPush.Sign("pdd-client-1", Secret, Now, new Dictionary<string, string> { ["order_sn"] = "260120-1", ["type"] = "paid" }, "");

        Verified(Verify(Form(Channel.Pdd, Url, $"order_sn=260120-1&type=paid&{signature.QueryString}")));
    }

    [Fact]
    public void ALowerCaseSignVerifies() => Verified(Verify(Json(Channel.Pdd, Query(Sign.ToLowerInvariant()), Body)));

    [Fact]
    public void ATamperedBodyIsRefused() =>
        Refused(Verify(Json(Channel.Pdd, Query(), Body.Replace("Confirmed", "Cancelled", StringComparison.Ordinal))), "sign does not match");

    [Fact]
    public void APushSignedWithAnotherSecretIsRefused() => Refused(Verify(Json(Channel.Pdd, With(Url, SignedAt(Now, "guessed")), Body)), "sign does not match");

    [Fact]
    public void AClientIdNoShopHasIsRefused() => Refused(Verify(Json(Channel.Pdd, Query(clientId: "pdd-client-9"), Body)), "client_id 'pdd-client-9' names no pdd shop");

    [Fact]
    public void AStaleTimestampIsRefused() => Refused(Verify(Json(Channel.Pdd, Query(timestamp: "1768910040"), Body)), "6 min old");

    [Fact]
    public void AFutureTimestampBeyondTheWindowIsRefused() => Refused(Verify(Json(Channel.Pdd, With(Url, SignedAt(Now.AddSeconds(301))), Body)), "ahead");

    [Fact]
    public void ATimestampThatIsNotUnixSecondsIsRefused() =>
        Refused(Verify(Json(Channel.Pdd, Query(timestamp: "2026-01-20"), Body)), "timestamp '2026-01-20' is not Unix seconds");

    [Fact]
    public void APushWithoutSignIsUnsigned() => Assert.Same(PushVerdict.Unsigned.Instance, Verify(Json(Channel.Pdd, Url, Body)));

    [Fact]
    public void ASignWithoutClientIdIsRefusedNamingIt() => Refused(Verify(Json(Channel.Pdd, $"{Url}?timestamp=1768910400&sign={Sign}", Body)), "not client_id");

    [Fact]
    public void EveryOneByteChangeOfTheBodyIsRefused() =>
        EveryOneByteChange(Body, body => Verify(Request(Channel.Pdd, Query(), "application/json", body)) is PushVerdict.Refused);
}
