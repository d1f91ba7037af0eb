using System.Text;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;
using static OrderActors.Connectors.Tests.Support.Pushes;

namespace OrderActors.Connectors.Tests.Push;

/// <summary>
/// Issue 14: the mini-program backend's pushes (our scheme): X-Signature = lower HMAC-SHA256 keyed with the secret over
/// <c>1768910400000\nn0nce-0001\n{body}</c>, computed with python3 hmac.
/// </summary>
public sealed class MiniappPushTests
{
    private const string Url = "https://hub.example.com/api/v1/channels/miniapp/orders";
    private const string Body = "{\"orderNo\":\"MP202601200815\",\"status\":\"PAID\"}";
    private const string Secret = "mp-s3cr3t";
    private const string Nonce = "n0nce-0001";
    private const string Signature = "b170f123d9bc767d332cab4a5ca76e5b7af3b46acf21eb4a76bea2bcec9d1de4";

    private static readonly Dictionary<string, ShopCredentials> Shops = Shops(("acme", "mp-app-1", Secret));

    private static (string, string)[] Signed(string signature = Signature, string timestamp = "1768910400000", string nonce = Nonce, string appKey = "mp-app-1") =>
        [("X-App-Key", appKey), ("X-Timestamp", timestamp), ("X-Nonce", nonce), ("X-Signature", signature)];

    private static PushVerdict Verify(PushRequest request) => PushVerifier.Verify(request, Shops, Now);

    private static PushSignature SignedAt(DateTimeOffset at, string secret = Secret) => MiniappPush.Sign("mp-app-1", secret, at, Nonce, Encoding.UTF8.GetBytes(Body));

    [Fact]
    public void APushSignedOverTimestampNonceAndBodyVerifiesWithItsNonce() =>
        Assert.Equal(new PushVerdict.Verified("acme", "mp-app-1", Nonce, Now), Verified(Verify(Json(Channel.Miniapp, Url, Body, Signed()))));

    [Fact]
    public void SigningWritesTheSameHeaders()
    {
        PushSignature signature = SignedAt(Now);

        Assert.Equal(Signature, signature.Headers["x-signature"]);
        Assert.Equal("1768910400000", signature.Headers["X-Timestamp"]);
        Assert.Equal(Nonce, signature.Headers["X-Nonce"]);
    }

    [Fact]
    public void HeaderNamesAreReadInAnyCase() =>
        Verified(Verify(Json(Channel.Miniapp, Url, Body, ("x-app-key", "mp-app-1"), ("x-timestamp", "1768910400000"), ("X-NONCE", Nonce), ("x-signature", Signature))));

    [Fact]
    public void AnUpperCaseSignatureVerifies() => Verified(Verify(Json(Channel.Miniapp, Url, Body, Signed(Signature.ToUpperInvariant()))));

    [Fact]
    public void ATamperedBodyIsRefused() => Refused(Verify(Json(Channel.Miniapp, Url, Body.Replace("PAID", "CANCELLED", StringComparison.Ordinal), Signed())), "X-Signature does not match");

    [Fact]
    public void AnotherNonceUnderTheSameSignatureIsRefused() => Refused(Verify(Json(Channel.Miniapp, Url, Body, Signed(nonce: "n0nce-0002"))), "X-Signature does not match");

    [Fact]
    public void APushSignedWithAnotherSecretIsRefused() => Refused(Verify(Json(Channel.Miniapp, Url, Body, Headers(SignedAt(Now, "guessed")))), "X-Signature does not match");

    [Fact]
    public void AnAppKeyNoShopHasIsRefused() => Refused(Verify(Json(Channel.Miniapp, Url, Body, Signed(appKey: "mp-app-2"))), "X-App-Key 'mp-app-2' names no miniapp shop");

    [Fact]
    public void AStaleTimestampIsRefused() => Refused(Verify(Json(Channel.Miniapp, Url, Body, Headers(SignedAt(Now.AddMinutes(-5).AddMilliseconds(-1))))), "old");

    [Fact]
    public void AFutureTimestampBeyondTheWindowIsRefused() => Refused(Verify(Json(Channel.Miniapp, Url, Body, Headers(SignedAt(Now.AddMinutes(30))))), "30 min ahead");

    [Fact]
    public void ATimestampInSecondsIsRefusedAsStale() => Refused(Verify(Json(Channel.Miniapp, Url, Body, Signed(timestamp: "1768910400"))), "old");

    [Fact]
    public void ATimestampThatIsNotDigitsIsRefused() => Refused(Verify(Json(Channel.Miniapp, Url, Body, Signed(timestamp: "+1768910400000"))), "is not Unix milliseconds");

    [Fact]
    public void APushWithoutSignatureIsUnsigned() => Assert.Same(PushVerdict.Unsigned.Instance, Verify(Json(Channel.Miniapp, Url, Body, ("X-App-Key", "mp-app-1"))));

    [Fact]
    public void ASignatureWithoutNonceIsRefusedNamingIt() =>
        Refused(Verify(Json(Channel.Miniapp, Url, Body, ("X-App-Key", "mp-app-1"), ("X-Timestamp", "1768910400000"), ("X-Signature", Signature))), "X-Signature is present but not X-Nonce");

    [Theory]
    [InlineData("short")]
    [InlineData("with space 0001")]
    public void ANonceOutOfFormIsRefused(string nonce) => Refused(Verify(Json(Channel.Miniapp, Url, Body, Signed(nonce: nonce))), "X-Nonce");

    [Fact]
    public void SigningRefusesANonceOutOfForm() =>
        Assert.Throws<ArgumentException>(() => MiniappPush.Sign("mp-app-1", Secret, Now, "short", Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void EveryOneByteChangeOfTheBodyIsRefused() =>
        EveryOneByteChange(Body, body => Verify(Request(Channel.Miniapp, Url, "application/json", body, Signed())) is PushVerdict.Refused);
}
