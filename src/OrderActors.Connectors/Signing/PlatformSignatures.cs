using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderActors.Connectors.Signing;

/// <summary>How a TOP request is signed (<c>sign_method</c>); JD and Pinduoduo sign as TOP's md5.</summary>
public enum TopSignMethod
{
    /// <summary><c>md5</c>, also TOP's default when sign_method is absent.</summary>
    Md5,

    /// <summary><c>hmac</c>: HMAC-MD5.</summary>
    Hmac,

    /// <summary><c>hmac-sha256</c>.</summary>
    HmacSha256,
}

/// <summary>How a Douyin (抖店) message push is signed (the <c>sign-method</c> header).</summary>
public enum DouyinSignMethod
{
    /// <summary>The default when the header is absent.</summary>
    Md5,

    HmacSha256,
}

/// <summary>
/// Each platform's signature, one function per scheme, from its published description: the pull signs its requests
/// with these and push verification recomputes them, so both always agree. Each returns the digest; the callers write
/// it as hex in the platform's case.
/// </summary>
public static class PlatformSignatures
{
    /// <summary>
    /// Taobao TOP (<c>signTopRequest</c>), and JD and Pinduoduo with md5: the parameters with a non-empty name and value,
    /// sorted by name (ordinal), each name followed by its value, all concatenated, then the body. md5: MD5 of secret +
    /// that + secret; hmac: HMAC-MD5 keyed with the secret over it; hmac-sha256 likewise. UTF-8 throughout.
    /// </summary>
    public static byte[] Top(string secret, TopSignMethod method, IEnumerable<KeyValuePair<string, string>> parameters, ReadOnlySpan<byte> body)
    {
        var text = new StringBuilder();
        foreach ((string name, string value) in parameters.Where(p => p.Key.Length > 0 && p.Value.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }
        byte[] key = Encoding.UTF8.GetBytes(secret);
        using IncrementalHash hash = method switch
        {
            TopSignMethod.Md5 => IncrementalHash.CreateHash(HashAlgorithmName.MD5),
            TopSignMethod.Hmac => IncrementalHash.CreateHMAC(HashAlgorithmName.MD5, key),
            _ => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key),
        };
        if (method == TopSignMethod.Md5)
        {
            hash.AppendData(key);
        }
        hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        hash.AppendData(body);
        if (method == TopSignMethod.Md5)
        {
            hash.AppendData(key);
        }
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Douyin's open API (sign_method hmac-sha256; md5 is the legacy method): <c>app_key, method, param_json, timestamp,
    /// v</c> as name-value pairs in that (alphabetical) order, wrapped in the app secret, HMAC-SHA256 keyed with the app
    /// secret. param_json is sent exactly as signed.
    /// </summary>
    public static byte[] DouyinApi(string secret, string appKey, string method, string paramJson, string timestamp, string version)
    {
        string text = $"{secret}app_key{appKey}method{method}param_json{paramJson}timestamp{timestamp}v{version}{secret}";
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// Douyin's message push (<c>event-sign</c>): MD5 of app key + the body as received + app secret; with sign-method
    /// hmac-sha256, HMAC-SHA256 keyed with the app secret over the same bytes.
    /// </summary>
    public static byte[] DouyinMessage(string appKey, ReadOnlySpan<byte> body, string secret, DouyinSignMethod method)
    {
        byte[] key = Encoding.UTF8.GetBytes(secret);
        using IncrementalHash hash = method == DouyinSignMethod.Md5
            ? IncrementalHash.CreateHash(HashAlgorithmName.MD5)
            : IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hash.AppendData(Encoding.UTF8.GetBytes(appKey));
        hash.AppendData(body);
        hash.AppendData(key);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Meituan (美团闪购 sig): the URL without its query, '?', the parameters but sig sorted by name as
    /// <c>name=value</c> joined by '&amp;' (values as decoded, not URL-encoded), then the app secret; MD5.
    /// </summary>
    public static byte[] Meituan(string url, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        string query = string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return MD5.HashData(Encoding.UTF8.GetBytes($"{url}?{query}{secret}"));
    }

    /// <summary>
    /// A request to the mini-program backend (ours, the pull): HMAC-SHA256 keyed with the app secret over
    /// <c>{timestamp}\n{METHOD}\n{path?query}</c>, sent as X-Signature beside X-App-Key and X-Timestamp.
    /// </summary>
    public static byte[] MiniappRequest(string secret, long timestampMs, string method, string pathAndQuery)
    {
        string text = string.Create(CultureInfo.InvariantCulture, $"{timestampMs}\n{method}\n{pathAndQuery}");
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// A push from the mini-program backend (ours): HMAC-SHA256 keyed with the app secret over
    /// <c>{timestamp}\n{nonce}\n</c> followed by the body as sent.
    /// </summary>
    public static byte[] MiniappPush(string secret, string timestampMs, string nonce, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hash.AppendData(Encoding.UTF8.GetBytes($"{timestampMs}\n{nonce}\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }
}
