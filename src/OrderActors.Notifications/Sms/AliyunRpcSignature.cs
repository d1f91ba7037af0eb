using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderActors.Notifications;

/// <summary>
/// Alibaba Cloud's RPC signature (签名机制, SignatureVersion 1.0, HMAC-SHA1), as the SMS documentation describes it:
/// sort every parameter but <c>Signature</c> by name; percent-encode names and values in UTF-8 (RFC 3986: only
/// A–Z a–z 0–9 - _ . ~ stay, space is %20); join as <c>name=value</c> with <c>&amp;</c>; the string to sign is
/// <c>HTTPMethod + "&amp;" + percentEncode("/") + "&amp;" + percentEncode(canonicalQuery)</c>; the signature is
/// Base64(HMAC-SHA1(key = AccessKeySecret + "&amp;", stringToSign)).
/// </summary>
public static class AliyunRpcSignature
{
    /// <summary>The sorted, encoded query that is signed and then sent (without <c>Signature</c>).</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));

    /// <summary>The string the HMAC runs over.</summary>
    public static string StringToSign(string httpMethod, string canonicalQuery) =>
        $"{httpMethod}&{PercentEncode("/")}&{PercentEncode(canonicalQuery)}";

    /// <summary>The Base64 signature (not yet percent-encoded for the URL).</summary>
    public static string Sign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        byte[] key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        byte[] data = Encoding.UTF8.GetBytes(StringToSign(httpMethod, CanonicalQuery(parameters)));
        return Convert.ToBase64String(HMACSHA1.HashData(key, data));
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 bytes, uppercase hex, the unreserved characters left as they are.</summary>
    public static string PercentEncode(string value)
    {
        var encoded = new StringBuilder(value.Length * 3);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
