using System.Text.RegularExpressions;
using OrderActors.Connectors.Signing;

namespace OrderActors.Connectors.Push;

/// <summary>
/// The mini-program backend (ours): headers <c>X-App-Key</c>, <c>X-Timestamp</c> (Unix milliseconds), <c>X-Nonce</c>
/// (8–64 letters, digits, '-' or '_', fresh for every push) and <c>X-Signature</c>, lower-case hex HMAC-SHA256 keyed with
/// the app secret over <c>{X-Timestamp}\n{X-Nonce}\n{body}</c>. The verdict carries the nonce: the receiver refuses a
/// nonce it has seen within the window.
/// </summary>
public static partial class MiniappPush
{
    /// <summary>The headers that sign a push of <paramref name="body"/> at <paramref name="at"/> with <paramref name="nonce"/>.</summary>
    public static PushSignature Sign(string appKey, string secret, DateTimeOffset at, string nonce, ReadOnlySpan<byte> body)
    {
        if (!NonceForm().IsMatch(nonce))
        {
            throw new ArgumentException("a nonce is 8–64 letters, digits, '-' or '_'", nameof(nonce));
        }
        string timestamp = SignedTime.UnixMillis(at);
        return PushSignature.OfHeaders(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-App-Key"] = appKey,
            ["X-Timestamp"] = timestamp,
            ["X-Nonce"] = nonce,
            ["X-Signature"] = Convert.ToHexStringLower(PlatformSignatures.MiniappPush(secret, timestamp, nonce, body)),
        });
    }

    internal static PushVerdict Verify(PushCheck check)
    {
        IReadOnlyDictionary<string, string> headers = check.Request.Headers;
        if (check.Request.Header("X-Signature") is not { } signature)
        {
            return PushVerdict.Unsigned.Instance;
        }
        if (PushCheck.Missing("X-Signature", headers, "X-App-Key", "X-Timestamp", "X-Nonce") is { } missing)
        {
            return missing;
        }
        string timestamp = headers["X-Timestamp"];
        if (SignedTime.FromUnixMillis(timestamp) is not { } signedAt)
        {
            return new PushVerdict.Refused($"X-Timestamp '{PushCheck.Shown(timestamp)}' is not Unix milliseconds");
        }
        string nonce = headers["X-Nonce"];
        if (!NonceForm().IsMatch(nonce))
        {
            return new PushVerdict.Refused($"X-Nonce '{PushCheck.Shown(nonce)}' is not 8–64 letters, digits, '-' or '_'");
        }
        string appKey = headers["X-App-Key"];
        if (check.Shop("X-App-Key", appKey, out PushVerdict.Refused? unknown) is not { } shop)
        {
            return unknown!;
        }
        if (check.Outside("X-Timestamp", signedAt) is { } outside)
        {
            return outside;
        }
        byte[] expected = PlatformSignatures.MiniappPush(shop.Shop.AppSecret!, timestamp, nonce, check.Request.Body.Span);
        return PushCheck.Mismatch("X-Signature", signature, expected) ?? new PushVerdict.Verified(shop.Tenant, appKey, nonce, signedAt);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex NonceForm();
}
