using System.Text;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Connectors.Push;

/// <summary>
/// A channel push as it arrived, for its signature to be verified: the URL as the platform called it (scheme, host,
/// port and path; behind a proxy, the public URL), the query and form fields decoded, the headers, and the body bytes
/// as received, which is what the signatures cover.
/// </summary>
/// <param name="Query">Query parameters by name, decoded; a repeated name holds its values joined by ','.</param>
/// <param name="Headers">Headers by name, read case-insensitively whatever dictionary is given.</param>
/// <param name="Form">The fields of an <c>application/x-www-form-urlencoded</c> body, decoded as the query; null for any other body.</param>
public sealed record PushRequest(
    Channel Channel,
    string Method,
    Uri Url,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string>? Form,
    ReadOnlyMemory<byte> Body,
    string? ContentType)
{
    public const string FormMediaType = "application/x-www-form-urlencoded";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyDictionary<string, string> Headers { get; } = CaseInsensitive(Headers);

    /// <summary>
    /// A push from what the HTTP server read: the query comes from <paramref name="url"/>, and the form from
    /// <paramref name="body"/> when <paramref name="contentType"/> says it is one (a form that is not UTF-8 is read as
    /// no form, so a signature over its fields cannot hold).
    /// </summary>
    public static PushRequest Create(
        Channel channel, string method, Uri url, IEnumerable<KeyValuePair<string, string>> headers, string? contentType, ReadOnlyMemory<byte> body)
    {
        IReadOnlyDictionary<string, string>? form = IsForm(contentType) && Utf8(body.Span) is { } text ? Fields(text) : null;
        return new PushRequest(channel, method, url, Fields(url.Query.TrimStart('?')), CaseInsensitive(headers), form, body, contentType);
    }

    /// <summary>Whether <paramref name="contentType"/> names a URL-encoded form, whatever its parameters (charset).</summary>
    public static bool IsForm(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(FormMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The body as UTF-8 text, or null when it is not UTF-8.</summary>
    public string? BodyText() => Utf8(Body.Span);

    /// <summary>
    /// <c>name=value</c> pairs joined by '&amp;', '+' read as a space and %XX as UTF-8 (as servlet containers and ASP.NET
    /// read them); a name without '=' has the empty value; a repeated name keeps its values joined by ','.
    /// </summary>
    private static Dictionary<string, string> Fields(string encoded)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Decode(equals < 0 ? pair : pair[..equals]);
            string value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields[name] = fields.TryGetValue(name, out string? earlier) ? $"{earlier},{value}" : value;
        }
        return fields;
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    private static string? Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> CaseInsensitive(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in headers)
        {
            byName[name] = value;
        }
        return byName;
    }
}
