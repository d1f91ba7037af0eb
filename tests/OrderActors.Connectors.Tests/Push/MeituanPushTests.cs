using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Push;
using static OrderActors.Connectors.Tests.Support.Pushes;

namespace OrderActors.Connectors.Tests.Push;

/// <summary>
/// Issue 14: Meituan form pushes signed with <c>sig</c>. The expected sig is lower MD5, computed with python3 hashlib, of
/// <c>https://hub.example.com/api/v1/channels/meituan/orders?app_id=5566&amp;detail=[{"app_food_code":"NS-WAL-40"}]&amp;order_id=27061900338318741&amp;status=2&amp;timestamp=1768910400mt-s3cr3t</c>.
/// </summary>
public sealed class MeituanPushTests
{
    private const string Url = "https://hub.example.com/api/v1/channels/meituan/orders";
    private const string Secret = "mt-s3cr3t";
    private const string Sig = "28c1bb1e4d767f470a5f6c9a6eecb3c0";
    private const string Fields = "order_id=27061900338318741&status=2&detail=%5B%7B%22app_food_code%22%3A%22NS-WAL-40%22%7D%5D";

    private static readonly Dictionary<string, ShopCredentials> Shops = Shops(("acme", "5566", Secret));

    private static string Body(string sig = Sig, string timestamp = "1768910400", string appId = "5566") => $"{Fields}&app_id={appId}&timestamp={timestamp}&sig={sig}";

    private static PushVerdict Verify(PushRequest request) => PushVerifier.Verify(request, Shops, Now);

    private static PushSignature SignedAt(DateTimeOffset at, string secret = Secret) => MeituanPush.Sign("5566", secret, at, new Uri(Url), new Dictionary<string, string>
    {
        ["order_id"] = "27061900338318741",
        ["status"] = "2",
        ["detail"] = "[{\"app_food_code\":\"NS-WAL-40\"}]",
    });

    [Fact]
    public void AFormPushSignedOverItsUrlAndSortedFieldsVerifies() =>
        Assert.Equal(new PushVerdict.Verified("acme", "5566", null, Now), Verified(Verify(Form(Channel.Meituan, Url, Body()))));

    [Fact]
    public void SigningWritesTheSameSig() => Assert.Equal(Sig, SignedAt(Now).Parameters["sig"]);

    [Fact]
    public void TheSignatureMayComeInTheQuery() => Verified(Verify(Form(Channel.Meituan, With(Url, SignedAt(Now)), Fields)));

    [Fact]
    public void AnUpperCaseSigVerifies() => Verified(Verify(Form(Channel.Meituan, Url, Body(Sig.ToUpperInvariant()))));

    [Fact]
    public void APushToAnotherUrlIsRefused() =>
        Refused(Verify(Form(Channel.Meituan, "https://hub.example.com/api/v1/channels/meituan/orders/27061900338318741/events", Body())), "sig does not match");

    [Fact]
    public void ATamperedFieldIsRefused() => Refused(Verify(Form(Channel.Meituan, Url, Body().Replace("status=2", "status=9", StringComparison.Ordinal))), "sig does not match");

    [Fact]
    public void APushSignedWithAnotherSecretIsRefused() => Refused(Verify(Form(Channel.Meituan, Url, $"{Fields}&{SignedAt(Now, "guessed").QueryString}")), "sig does not match");

    [Fact]
    public void AnAppIdNoShopHasIsRefused() => Refused(Verify(Form(Channel.Meituan, Url, Body(appId: "7788"))), "app_id '7788' names no meituan shop");

    [Fact]
    public void AStaleTimestampIsRefused() => Refused(Verify(Form(Channel.Meituan, Url, $"{Fields}&{SignedAt(Now.AddHours(-1)).QueryString}")), "60 min old");

    [Fact]
    public void AFutureTimestampBeyondTheWindowIsRefused() => Refused(Verify(Form(Channel.Meituan, Url, $"{Fields}&{SignedAt(Now.AddMinutes(10)).QueryString}")), "10 min ahead");

    [Fact]
    public void APushWithoutSigIsUnsigned() => Assert.Same(PushVerdict.Unsigned.Instance, Verify(Form(Channel.Meituan, Url, $"{Fields}&app_id=5566&timestamp=1768910400")));

    [Fact]
    public void ASigWithoutAppIdIsRefusedNamingIt() => Refused(Verify(Form(Channel.Meituan, Url, $"{Fields}&timestamp=1768910400&sig={Sig}")), "sig is present but not app_id");

    [Fact]
    public void ASignedJsonBodyIsRefusedSinceSigDoesNotCoverIt() =>
        Refused(Verify(Json(Channel.Meituan, $"{Url}?app_id=5566&timestamp=1768910400&sig={Sig}", "{\"order_id\":27061900338318741}")), "sig covers form fields only");

    [Fact]
    public void AFormThatIsNotUtf8IsRefused() =>
        Refused(Verify(Request(Channel.Meituan, $"{Url}?app_id=5566&timestamp=1768910400&sig={Sig}", "application/x-www-form-urlencoded", [0x61, 0x3D, 0xFF])), "the form is not UTF-8");

    /// <summary>
    /// The form's fields are what is signed (and what intake reads), so a change that reads as the same fields ('+'
    /// for a space, %4a for %4A) changes nothing; one that breaks the sig field itself leaves the push unsigned, which
    /// needs another credential. Every other change is refused: none is ever verified.
    /// </summary>
    [Fact]
    public void NoOneByteChangeOfTheFormIsVerifiedUnlessItReadsAsTheSameFields()
    {
        PushRequest original = Form(Channel.Meituan, Url, Body());
        EveryOneByteChange(Body(), body =>
        {
            PushRequest changed = Request(Channel.Meituan, Url, "application/x-www-form-urlencoded", body);
            bool sameFields = changed.Form is { } form && form.Count == original.Form!.Count && !form.Except(original.Form).Any();
            return Verify(changed) is not PushVerdict.Verified || sameFields;
        });
    }
}
