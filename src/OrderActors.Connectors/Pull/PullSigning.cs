using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderActors.Connectors.Pull;

/// <summary>Each platform's request signature, from its published description.</summary>
public static class PullSigning
{
    /// <summary>
    /// Taobao TOP, JD and Pinduoduo (sign_method md5): the parameters sorted by name (ordinal), each name followed by its
    /// value, all concatenated, wrapped in the app secret on both sides, MD5 over the UTF-8 bytes, upper-case hex.
    /// </summary>
    public static string SortedParametersMd5(string secret, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder(secret);
        foreach ((string name, string value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }
        text.Append(secret);
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Douyin (抖店, sign_method hmac-sha256; md5 is the legacy method): <c>app_key, method, param_json, timestamp, v</c>
    /// as name-value pairs in that (alphabetical) order, wrapped in the app secret, HMAC-SHA256 keyed with the app
    /// secret, lower-case hex. param_json is sent exactly as signed.
    /// </summary>
    public static string DouyinHmac(string secret, string appKey, string method, string paramJson, string timestamp, string version)
    {
        string text = $"{secret}app_key{appKey}method{method}param_json{paramJson}timestamp{timestamp}v{version}{secret}";
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    /// <summary>
    /// Meituan (美团闪购 sig): the request URL without its query, '?', the parameters but sig sorted by name as
    /// <c>name=value</c> joined by '&amp;' (values not URL-encoded), then the app secret; MD5, lower-case hex.
    /// </summary>
    public static string MeituanSig(string url, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        string query = string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{url}?{query}{secret}"))).ToLowerInvariant();
    }

    /// <summary>
    /// The mini-program backend (ours): HMAC-SHA256 keyed with the app secret over
    /// <c>{timestamp}\n{METHOD}\n{path?query}</c>, lower-case hex, sent as X-Signature beside X-App-Key and X-Timestamp.
    /// </summary>
    public static string MiniappHmac(string secret, long timestampMs, string method, string pathAndQuery)
    {
        string text = string.Create(CultureInfo.InvariantCulture, $"{timestampMs}\n{method}\n{pathAndQuery}");
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
