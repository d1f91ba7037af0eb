using System.Text;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;
using OrderActors.Connectors.Signing;
using static OrderActors.Connectors.Tests.Support.Pushes;

namespace OrderActors.Connectors.Tests.Push;

/// <summary>
/// Issue 14: Taobao pushes signed as TOP's signTopRequest signs. The expected signs were computed outside this code
/// (python3 hashlib/hmac) from the string the rule writes out, e.g. upper MD5 of
/// <c>tb-s3cr3t app_key12345678 sign_methodmd5 timestamp2026-01-20 20:00:00 topictaobao_trade_TradeBuyerPay {body} tb-s3cr3t</c>.
/// </summary>
public sealed class TaobaoPushTests
{
    private const string Url = "https://hub.example.com/api/v1/channels/taobao/orders";
    private const string Body = "{\"tid\":4012345678901234567,\"status\":\"WAIT_SELLER_SEND_GOODS\",\"payment\":\"260.00\"}";
    private const string Secret = "tb-s3cr3t";
    private const string Md5Sign = "A9F1681A8C7C75F2842596A5A6AA1BCD";

    private static readonly Dictionary<string, ShopCredentials> Shops = Shops(("acme", "12345678", Secret), ("beta", "87654321", "other-secret"));

    private static string Query(string method, string sign, string timestamp = "2026-01-20+20%3A00%3A00", string appKey = "12345678") =>
        $"{Url}?app_key={appKey}&timestamp={timestamp}&sign_method={method}&topic=taobao_trade_TradeBuyerPay&sign={sign}";

    private static PushVerdict Verify(PushRequest request) => PushVerifier.Verify(request, Shops, Now);

    [Theory]
    [InlineData("md5", Md5Sign)]
    [InlineData("hmac", "D6D98A6178D42E631B27830EF8046AC2")]
    [InlineData("hmac-sha256", "DB5C92D1C149FC99B9173ED764A9D7BE7716A14332DF3AE1979BB6C4D55741F8")]
    public void AJsonPushSignedOverItsParametersAndBodyVerifiesAsTheShopWhoseAppKeyItNames(string method, string sign)
    {
        PushVerdict.Verified verified = Verified(Verify(Json(Channel.Taobao, Query(method, sign), Body)));

        Assert.Equal(new PushVerdict.Verified("acme", "12345678", null, Now), verified);
    }

    [Theory]
    [InlineData(TopSignMethod.Md5, Md5Sign)]
    [InlineData(TopSignMethod.Hmac, "D6D98A6178D42E631B27830EF8046AC2")]
    [InlineData(TopSignMethod.HmacSha256, "DB5C92D1C149FC99B9173ED764A9D7BE7716A14332DF3AE1979BB6C4D55741F8")]
    public void SigningWritesTheSameSign(TopSignMethod method, string sign)
    {
        PushSignature signature = TaobaoPush.Sign("12345678", Secret, Now,
            new Dictionary<string, string> { ["topic"] = "taobao_trade_TradeBuyerPay" }, Encoding.UTF8.GetBytes(Body), method);

        Assert.Equal(sign, signature.Parameters["sign"]);
        Assert.Equal("2026-01-20 20:00:00", signature.Parameters["timestamp"]);
        Assert.Empty(signature.Headers);
    }

    [Fact]
    public void AFormPushSignsItsFieldsAndNotTheBodyBytes()
    {
        // md5 over app_key, content (decoded), sign_method, timestamp, topic; no body appended.
        string url = $"{Url}?app_key=12345678&timestamp=2026-01-20+20%3A00%3A00&sign_method=md5&sign=448B29A8E8AAB2A0AAB62AF4A1A4B65C";

        PushVerdict verdict = Verify(Form(Channel.Taobao, url, "topic=taobao_trade_TradeBuyerPay&content=%7B%22tid%22%3A4012345678901234567%7D"));

        Assert.Equal("acme", Verified(verdict).Tenant);
    }

    [Fact]
    public void ALowerCaseSignVerifies() =>
        Verified(Verify(Json(Channel.Taobao, Query("md5", Md5Sign.ToLowerInvariant()), Body)));

    [Fact]
    public void ATamperedBodyIsRefused() =>
        Refused(Verify(Json(Channel.Taobao, Query("md5", Md5Sign), Body.Replace("260.00", "2.60", StringComparison.Ordinal))), "sign does not match");

    [Fact]
    public void ATamperedParameterIsRefused() =>
        Refused(Verify(Json(Channel.Taobao, Query("md5", Md5Sign).Replace("TradeBuyerPay", "TradeClose", StringComparison.Ordinal), Body)), "sign does not match");

    [Fact]
    public void APushSignedWithAnotherSecretIsRefusedAndTheReasonShowsNeitherSecretNorExpectedSign()
    {
        PushSignature forged = TaobaoPush.Sign("12345678", "guessed", Now, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(Body));

        string reason = Refused(Verify(Json(Channel.Taobao, With(Url, forged), Body)), "sign does not match");

        string expected = TaobaoPush.Sign("12345678", Secret, Now, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(Body)).Parameters["sign"];
        Assert.DoesNotContain(Secret, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(expected, reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnAppKeyNoShopHasIsRefused() =>
        Refused(Verify(Json(Channel.Taobao, Query("md5", Md5Sign, appKey: "99999999"), Body)), "app_key '99999999' names no taobao shop");

    [Fact]
    public void AnAppKeyTwoTenantsShareIsRefused()
    {
        Dictionary<string, ShopCredentials> shared = Shops(("acme", "12345678", Secret), ("acme-hq", "12345678", Secret));

        Refused(PushVerifier.Verify(Json(Channel.Taobao, Query("md5", Md5Sign), Body), shared, Now), "names 2 taobao shops (acme, acme-hq)");
    }

    [Fact]
    public void AShopWithoutASecretVerifiesNothing()
    {
        var noSecret = new Dictionary<string, ShopCredentials> { ["acme"] = new() { AppKey = "12345678" } };

        Refused(PushVerifier.Verify(Json(Channel.Taobao, Query("md5", Md5Sign), Body), noSecret, Now), "names no taobao shop");
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void ATimestampMoreThanFiveMinutesFromNowIsRefused(int minutes)
    {
        PushSignature signature = TaobaoPush.Sign("12345678", Secret, Now.AddMinutes(minutes), new Dictionary<string, string>(), Encoding.UTF8.GetBytes(Body));

        Refused(Verify(Json(Channel.Taobao, With(Url, signature), Body)), minutes < 0 ? "6 min old" : "6 min ahead");
    }

    [Fact]
    public void ATimestampInsideAWiderWindowVerifies()
    {
        PushSignature signature = TaobaoPush.Sign("12345678", Secret, Now.AddMinutes(-6), new Dictionary<string, string>(), Encoding.UTF8.GetBytes(Body));

        Verified(PushVerifier.Verify(Json(Channel.Taobao, With(Url, signature), Body), Shops, Now, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void ATimestampNotInTopsFormIsRefused() =>
        Refused(Verify(Json(Channel.Taobao, Query("md5", Md5Sign, timestamp: "1768910400"), Body)), "timestamp '1768910400' is not yyyy-MM-dd HH:mm:ss");

    [Fact]
    public void APushWithoutSignIsUnsigned() =>
        Assert.Same(PushVerdict.Unsigned.Instance, Verify(Json(Channel.Taobao, $"{Url}?app_key=12345678&timestamp=2026-01-20+20%3A00%3A00", Body)));

    [Fact]
    public void ASignWithoutAppKeyOrTimestampIsRefusedNamingThem() =>
        Refused(Verify(Json(Channel.Taobao, $"{Url}?sign={Md5Sign}", Body)), "sign is present but not app_key, timestamp");

    [Fact]
    public void AnUnknownSignMethodIsRefused() =>
        Refused(Verify(Json(Channel.Taobao, Query("sha1", Md5Sign), Body)), "sign_method 'sha1' is not md5, hmac or hmac-sha256");

    [Fact]
    public void AParameterInBothQueryAndFormIsRefused() =>
        Refused(Verify(Form(Channel.Taobao, Query("md5", Md5Sign), "topic=taobao_trade_TradeClose")), "topic is sent both in the query and in the form");

    [Fact]
    public void ASignThatIsNotHexIsRefused() =>
        Refused(Verify(Json(Channel.Taobao, Query("md5", "Z9F1681A8C7C75F2842596A5A6AA1BCD"), Body)), "sign is not 32 hex digits");

    [Fact]
    public void EveryOneByteChangeOfTheBodyIsRefused() =>
        EveryOneByteChange(Body, body => Verify(Request(Channel.Taobao, Query("md5", Md5Sign), "application/json", body)) is PushVerdict.Refused);
}
