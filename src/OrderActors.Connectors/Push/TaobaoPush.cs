using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Push;

/// <summary>
/// 淘宝 / 天猫 (TOP, as its SDK's <c>signTopRequest</c> and SPI check): <c>app_key</c>, <c>timestamp</c>
/// (yyyy-MM-dd HH:mm:ss, China time), <c>sign_method</c> (md5 when absent, hmac, hmac-sha256) and <c>sign</c> in the query
/// or the form; the sign covers every other query and form parameter and, when the body is not a form, the body.
/// </summary>
public static class TaobaoPush
{
    internal static readonly ParameterScheme Scheme = new("sign", "app_key", "timestamp", SignedTime.FromChina, "yyyy-MM-dd HH:mm:ss (China time)");

    /// <summary>
    /// The system parameters (app_key, timestamp, sign_method, sign) that sign a push sending <paramref name="parameters"/>
    /// (its other query and form parameters) and <paramref name="body"/> (the raw body; empty for a form push).
    /// </summary>
    public static PushSignature Sign(
        string appKey, string secret, DateTimeOffset at, IReadOnlyDictionary<string, string> parameters, ReadOnlySpan<byte> body,
        TopSignMethod method = TopSignMethod.Md5)
    {
        var system = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app_key"] = appKey,
            ["timestamp"] = SignedTime.China(at),
            ["sign_method"] = Name(method),
        };
        system["sign"] = Convert.ToHexString(PlatformSignatures.Top(secret, method, parameters.Concat(system), body));
        return PushSignature.OfParameters(system);
    }

    internal static PushVerdict Verify(PushCheck check)
    {
        if (check.Signed(Scheme, out PushVerdict? verdict) is not { } signed)
        {
            return verdict!;
        }
        string? named = signed.Parameters.GetValueOrDefault("sign_method");
        if (Method(named) is not { } method)
        {
            return new PushVerdict.Refused($"sign_method '{PushCheck.Shown(named!)}' is not md5, hmac or hmac-sha256");
        }
        ReadOnlySpan<byte> body = check.Request.Form is null ? check.Request.Body.Span : [];
        return PushCheck.Verdict(Scheme, signed, PlatformSignatures.Top(signed.Shop.AppSecret!, method, signed.Parameters, body));
    }

    private static string Name(TopSignMethod method) => method switch
    {
        TopSignMethod.Md5 => "md5",
        TopSignMethod.Hmac => "hmac",
        _ => "hmac-sha256",
    };

    private static TopSignMethod? Method(string? name) => name switch
    {
        null or "md5" => TopSignMethod.Md5,
        "hmac" => TopSignMethod.Hmac,
        "hmac-sha256" => TopSignMethod.HmacSha256,
        _ => null,
    };
}
