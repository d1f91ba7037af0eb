using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OrderActors.Connectors.Reading;

/// <summary>
/// A JSON string as text the hub can store. PostgreSQL refuses U+0000, and a lone or reversed UTF-16 surrogate
/// (escaped <c>"\ud800"</c> in JSON) is no text at all: System.Text.Json refuses to read one, and so would the grain's
/// state write. Such a string is read from its raw bytes instead: U+0000 is dropped, a lone surrogate (and a byte that
/// is not UTF-8, in a page a pull fetched) becomes U+FFFD.
/// </summary>
internal static class StorableText
{
    /// <summary>The string's text; <paramref name="cleaned"/> says something had to be dropped or replaced.</summary>
    public static string Of(JsonElement value, out bool cleaned)
    {
        string text;
        try
        {
            text = value.GetString()!;
            cleaned = false;
        }
        catch (InvalidOperationException)
        {
            text = Unescape(RawOf(value));
            cleaned = true;
        }
        string clean = Clean(text);
        cleaned |= !ReferenceEquals(clean, text);
        return clean;
    }

    /// <summary>The value as written in the payload (escapes and all), never throwing on bytes that are not UTF-8.</summary>
    public static string RawOf(JsonElement value) => Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value));

    /// <summary>A JSON string literal's characters; its escapes were checked when the document was parsed.</summary>
    private static string Unescape(string literal)
    {
        var text = new StringBuilder(literal.Length);
        for (int i = 1; i < literal.Length - 1; i++)
        {
            char c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            c = literal[++i];
            if (c == 'u')
            {
                text.Append((char)int.Parse(literal.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 4;
                continue;
            }
            text.Append(c switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => c });
        }
        return text.ToString();
    }

    /// <summary>The text without U+0000 and with every unpaired surrogate replaced; the same instance when it had neither.</summary>
    private static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (c != '\0' && !char.IsSurrogate(c))
            {
                clean?.Append(c);
            }
            else
            {
                clean ??= new StringBuilder(text.Length).Append(text, 0, i);
                if (c != '\0')
                {
                    clean.Append('\uFFFD');
                }
            }
        }
        return clean?.ToString() ?? text;
    }
}
