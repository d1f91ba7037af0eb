using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderActors.Notifications.Tests.Support;

/// <summary>
/// Each platform's signature recomputed from what was captured, written apart from the library from the platforms'
/// descriptions, so a test that agrees with the sender is evidence, not an echo.
/// </summary>
public static class SignatureChecks
{
    /// <summary>Feishu: Base64(HmacSHA256(key: "timestamp\nsecret", message: nothing)).</summary>
    public static string Feishu(string timestamp, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(timestamp + "\n" + secret));
        return Convert.ToBase64String(hmac.ComputeHash([]));
    }

    /// <summary>DingTalk: Base64(HmacSHA256(key: secret, message: "timestamp\nsecret")) — the URL carries it encoded.</summary>
    public static string DingTalk(string timestamp, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
    }

    /// <summary>Our webhook: hex HmacSHA256(key: secret, message: "timestamp.body").</summary>
    public static string Webhook(string timestamp, string body, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + body)).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Aliyun RPC: the captured query without Signature, decoded, re-encoded the RFC 3986 way (Uri.EscapeDataString),
    /// sorted, then Base64(HmacSHA1(key: secret + "&amp;", "GET&amp;%2F&amp;" + encode(query))).
    /// </summary>
    public static string Aliyun(string method, IReadOnlyDictionary<string, string> query, string accessKeySecret)
    {
        string canonical = string.Join("&", query
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        string stringToSign = method + "&" + Uri.EscapeDataString("/") + "&" + Uri.EscapeDataString(canonical);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(accessKeySecret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Whether the captured request carries a valid signature for <paramref name="platform"/>, or why not.</summary>
    public static (bool Valid, string Detail) Verify(CapturedRequest request, string platform, string secret)
    {
        switch (platform)
        {
            case "feishu":
                var json = request.Json();
                if (!json.TryGetProperty("timestamp", out var ts) || !json.TryGetProperty("sign", out var sign))
                {
                    return (false, "no timestamp/sign in the body");
                }
                return Compare(sign.GetString(), Feishu(ts.GetString() ?? "", secret));
            case "dingtalk":
                if (!request.Query.TryGetValue("timestamp", out string? dts) || !request.Query.TryGetValue("sign", out string? dsign))
                {
                    return (false, "no timestamp/sign in the query");
                }
                return Compare(dsign, DingTalk(dts, secret));
            case "aliyun":
                return request.Query.TryGetValue("Signature", out string? asign)
                    ? Compare(asign, Aliyun(request.Method, request.Query, secret))
                    : (false, "no Signature in the query");
            case "webhook":
                string? wts = request.Header("X-OrderActors-Timestamp");
                string? wsign = request.Header("X-OrderActors-Signature");
                return wts is null || wsign is null
                    ? (false, "no X-OrderActors-Timestamp/Signature headers")
                    : Compare(wsign, Webhook(wts, request.Body, secret));
            default:
                return (false, $"{platform} requests are not signed");
        }
    }

    private static (bool, string) Compare(string? sent, string expected) =>
        sent == expected ? (true, "signature matches") : (false, $"signature mismatch: sent {sent}, expected {expected}");
}
