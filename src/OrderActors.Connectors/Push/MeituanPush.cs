using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Push;

/// <summary>
/// 美团 (sig, as its open platform signs calls and pushes): <c>app_id</c>, <c>timestamp</c> (Unix seconds) and
/// <c>sig</c> in the query or the form; sig is the MD5 of the URL the push was sent to (without its query), '?', every
/// other query and form parameter as sorted <c>name=value</c> joined by '&amp;', and the secret. Meituan pushes forms: a
/// signed push with any other body is refused, since sig would not cover it.
/// </summary>
public static class MeituanPush
{
    internal static readonly ParameterScheme Scheme = new("sig", "app_id", "timestamp", SignedTime.FromUnixSeconds, "Unix seconds");

    /// <summary>
    /// The parameters (app_id, timestamp, sig) that sign a form push to <paramref name="url"/> carrying
    /// <paramref name="parameters"/> (its form fields and any other query parameters); add them to the form or the query.
    /// </summary>
    public static PushSignature Sign(string appId, string secret, DateTimeOffset at, Uri url, IReadOnlyDictionary<string, string> parameters)
    {
        var system = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app_id"] = appId,
            ["timestamp"] = SignedTime.UnixSeconds(at),
        };
        system["sig"] = Convert.ToHexStringLower(PlatformSignatures.Meituan(SignedUrl(url), parameters.Concat(system), secret));
        return PushSignature.OfParameters(system);
    }

    internal static PushVerdict Verify(PushCheck check)
    {
        if (check.Signed(Scheme, out PushVerdict? verdict) is not { } signed)
        {
            return verdict!;
        }
        if (check.Request.Form is null && !check.Request.Body.IsEmpty)
        {
            return new PushVerdict.Refused(PushRequest.IsForm(check.Request.ContentType)
                ? "the form is not UTF-8 text"
                : $"sig covers form fields only, and this push's body is {PushCheck.Shown(check.Request.ContentType ?? "of no content type")}");
        }
        return PushCheck.Verdict(Scheme, signed, PlatformSignatures.Meituan(SignedUrl(check.Request.Url), signed.Parameters, signed.Shop.AppSecret!));
    }

    /// <summary>Scheme, host, port (unless the default) and path, as <see cref="Uri"/> writes them.</summary>
    private static string SignedUrl(Uri url) => url.GetLeftPart(UriPartial.Path);
}
