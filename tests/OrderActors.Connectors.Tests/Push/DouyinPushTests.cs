using System.Text;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;
using OrderActors.Connectors.Signing;
using static OrderActors.Connectors.Tests.Support.Pushes;

namespace OrderActors.Connectors.Tests.Push;

/// <summary>
/// Issue 14: 抖店 message pushes, <c>event-sign</c> = lower MD5 of app key + body + secret (hmac-sha256 with the
/// sign-method header). The expected values were computed with python3 hashlib/hmac over
/// <c>7012345678901234567{body}dy-s3cr3t</c>. The scheme signs no time, so there is no stale or future push to refuse.
/// </summary>
public sealed class DouyinPushTests
{
    private const string Url = "https://hub.example.com/api/v1/channels/douyin/orders";
    private const string Body = "[{\"tag\":\"101\",\"msg_id\":\"7000000000000000001\",\"data\":\"{\\\"p_id\\\":6931234567890123456,\\\"pay_time\\\":1768910390}\"}]";
    private const string AppKey = "7012345678901234567";
    private const string Secret = "dy-s3cr3t";
    private const string Md5Sign = "a9bcd4d0c6842376d340bf24d7738b00";
    private const string HmacSign = "354971c055e5f1c63f6a7a6448afaf85d8af061e73f8084e3ed9849e647ca8f9";

    private static readonly Dictionary<string, ShopCredentials> Shops = Shops(("acme", AppKey, Secret));

    private static PushVerdict Verify(PushRequest request) => PushVerifier.Verify(request, Shops, Now);

    [Fact]
    public void AMessageSignedMd5OverAppKeyBodyAndSecretVerifies() =>
        Assert.Equal(new PushVerdict.Verified("acme", AppKey, null, null), Verified(Verify(Json(Channel.Douyin, Url, Body, ("app-id", AppKey), ("event-sign", Md5Sign)))));

    [Fact]
    public void AMessageSignedHmacSha256VerifiesWithTheSignMethodHeader() =>
        Verified(Verify(Json(Channel.Douyin, Url, Body, ("App-Id", AppKey), ("Event-Sign", HmacSign), ("Sign-Method", "hmac-sha256"))));

    [Theory]
    [InlineData(DouyinSignMethod.Md5, Md5Sign)]
    [InlineData(DouyinSignMethod.HmacSha256, HmacSign)]
    public void SigningWritesTheSameHeaders(DouyinSignMethod method, string sign)
    {
        PushSignature signature = DouyinPush.Sign(AppKey, Secret, Encoding.UTF8.GetBytes(Body), method);

        Assert.Equal(sign, signature.Headers["event-sign"]);
        Assert.Equal(AppKey, signature.Headers["app-id"]);
        Assert.Equal(method == DouyinSignMethod.HmacSha256, signature.Headers.ContainsKey("sign-method"));
        Assert.Empty(signature.Parameters);
    }

    [Fact]
    public void AnUpperCaseSignVerifies() => Verified(Verify(Json(Channel.Douyin, Url, Body, ("app-id", AppKey), ("event-sign", Md5Sign.ToUpperInvariant()))));

    [Fact]
    public void AnMd5SignUnderTheHmacMethodIsRefused() =>
        Refused(Verify(Json(Channel.Douyin, Url, Body, ("app-id", AppKey), ("event-sign", Md5Sign), ("sign-method", "hmac-sha256"))), "event-sign is not 64 hex digits");

    [Fact]
    public void ATamperedBodyIsRefused() =>
        Refused(Verify(Json(Channel.Douyin, Url, Body.Replace("101", "106", StringComparison.Ordinal), ("app-id", AppKey), ("event-sign", Md5Sign))), "event-sign does not match");

    [Fact]
    public void AMessageSignedWithAnotherSecretIsRefused() =>
        Refused(Verify(Json(Channel.Douyin, Url, Body, Headers(DouyinPush.Sign(AppKey, "guessed", Encoding.UTF8.GetBytes(Body))))), "event-sign does not match");

    [Fact]
    public void AnAppIdNoShopHasIsRefused() =>
        Refused(Verify(Json(Channel.Douyin, Url, Body, ("app-id", "7000000000000000000"), ("event-sign", Md5Sign))), "app-id '7000000000000000000' names no douyin shop");

    [Fact]
    public void AMessageWithoutEventSignIsUnsigned() => Assert.Same(PushVerdict.Unsigned.Instance, Verify(Json(Channel.Douyin, Url, Body, ("app-id", AppKey))));

    [Fact]
    public void AnEventSignWithoutAppIdIsRefusedNamingIt() => Refused(Verify(Json(Channel.Douyin, Url, Body, ("event-sign", Md5Sign))), "event-sign is present but not app-id");

    [Fact]
    public void AnUnknownSignMethodIsRefused() =>
        Refused(Verify(Json(Channel.Douyin, Url, Body, ("app-id", AppKey), ("event-sign", Md5Sign), ("sign-method", "sha1"))), "sign-method 'sha1' is not md5 or hmac-sha256");

    [Fact]
    public void EveryOneByteChangeOfTheBodyIsRefused() =>
        EveryOneByteChange(Body, body => Verify(Request(Channel.Douyin, Url, "application/json", body, ("app-id", AppKey), ("event-sign", Md5Sign))) is PushVerdict.Refused);
}
