using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderActors.Notifications;

/// <summary>
/// JSON as the platforms get it: UTF-8 and compact, with Chinese, markdown's "&gt;" and Base64's "+" written as
/// themselves rather than \u escapes. The relaxed encoder is right here: these bodies go to HTTP APIs, never into HTML.
/// </summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    public static ByteArrayContent Content(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>At most <paramref name="maxBytes"/> UTF-8 bytes of <paramref name="text"/>, cut on a character boundary.</summary>
    public static string LimitBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }
        const string ellipsis = "…";
        int budget = maxBytes - Encoding.UTF8.GetByteCount(ellipsis);
        var cut = new StringBuilder();
        int used = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
            {
                break;
            }
            cut.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }
        return cut.Append(ellipsis).ToString();
    }
}
