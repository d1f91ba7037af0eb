using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderActors.Silo.Api;

/// <summary>How long the text of a request may be (docs/API.md, "Limits").</summary>
public static class TextLimits
{
    /// <summary>A person's name.</summary>
    public const int Name = 64;

    public const int Phone = 32;

    /// <summary>A street address after its divisions.</summary>
    public const int Detail = 256;

    /// <summary>A reason or a note an operator types (cancel, release a hold).</summary>
    public const int Reason = 500;

    /// <summary>Any other string in a JSON body.</summary>
    public const int Any = 2000;
}

/// <summary>
/// Reads every string of a bound JSON body as text the database can hold: System.Text.Json itself refuses bytes that
/// are not UTF-8 and lone or reversed UTF-16 surrogates; this refuses U+0000 (PostgreSQL cannot store it) and text
/// over <see cref="TextLimits.Any"/> characters. Each is a <see cref="JsonException"/>, so a 400 naming the field.
/// </summary>
public sealed class RequestTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString()!;
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new JsonException("holds U+0000, which cannot be stored");
        }
        if (text.Length > TextLimits.Any)
        {
            throw new JsonException($"is {text.Length} characters long; at most {TextLimits.Any}");
        }
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
