using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Push;

/// <summary>
/// 抖店 message push: headers <c>app-id</c> (the app key) and <c>event-sign</c>, MD5 of app key + body + app secret as
/// lower-case hex; with <c>sign-method: hmac-sha256</c>, HMAC-SHA256 keyed with the app secret over the same text. The
/// scheme signs no time, so it has no replay window: a replayed message is a duplicate to intake.
/// </summary>
public static class DouyinPush
{
    /// <summary>The headers (app-id, event-sign, and sign-method unless md5) that sign a push of <paramref name="body"/>.</summary>
    public static PushSignature Sign(string appKey, string secret, ReadOnlySpan<byte> body, DouyinSignMethod method = DouyinSignMethod.Md5)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["app-id"] = appKey,
            ["event-sign"] = Convert.ToHexStringLower(PlatformSignatures.DouyinMessage(appKey, body, secret, method)),
        };
        if (method == DouyinSignMethod.HmacSha256)
        {
            headers["sign-method"] = "hmac-sha256";
        }
        return PushSignature.OfHeaders(headers);
    }

    internal static PushVerdict Verify(PushCheck check)
    {
        if (check.Request.Header("event-sign") is not { } sign)
        {
            return PushVerdict.Unsigned.Instance;
        }
        if (PushCheck.Missing("event-sign", check.Request.Headers, "app-id") is { } missing)
        {
            return missing;
        }
        string? named = check.Request.Header("sign-method");
        DouyinSignMethod? method = named?.ToLowerInvariant() switch
        {
            null or "md5" => DouyinSignMethod.Md5,
            "hmac-sha256" => DouyinSignMethod.HmacSha256,
            _ => null,
        };
        if (method is null)
        {
            return new PushVerdict.Refused($"sign-method '{PushCheck.Shown(named!)}' is not md5 or hmac-sha256");
        }
        string appKey = check.Request.Headers["app-id"];
        if (check.Shop("app-id", appKey, out PushVerdict.Refused? unknown) is not { } shop)
        {
            return unknown!;
        }
        byte[] expected = PlatformSignatures.DouyinMessage(appKey, check.Request.Body.Span, shop.Shop.AppSecret!, method.Value);
        return PushCheck.Mismatch("event-sign", sign, expected) ?? new PushVerdict.Verified(shop.Tenant, appKey, null, null);
    }
}
