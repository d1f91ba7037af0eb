using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace OrderActors.Silo.Api;

/// <summary>
/// A platform's push body as JSON, whatever it was sent as. JSON stays JSON; a form
/// (<c>application/x-www-form-urlencoded</c>, how Meituan pushes) becomes an object of its fields as strings, so
/// fields holding JSON text (<c>detail</c>, <c>extras</c>) are read by the connector like any embedded JSON. The body
/// arrives as UTF-8 (<see cref="RequestCharset"/> decoded any other declared charset); bytes that are not UTF-8 are a
/// 400, never text for the connector to guess at.
/// </summary>
public static class ChannelBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<JsonElement> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? contentType);
        string mediaType = contentType?.MediaType.Value ?? "application/json";
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        byte[] bytes = buffer.ToArray();
        string text = Decode(bytes); // for JSON too: JsonDocument parses such bytes and fails only when a field is read
        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return FromForm(text);
        }
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new RequestValidationException("$", $"the body is not JSON ({ex.Message.Split('.')[0]}) nor a form");
        }
    }

    private static JsonElement FromForm(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new FormReader(text);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> field in reader.ReadForm())
        {
            fields[field.Key] = field.Value.ToString();
        }
        return JsonSerializer.SerializeToElement(fields);
    }

    /// <summary>The body as text; invalid and overlong UTF-8 sequences are refused, naming where they start.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new RequestValidationException("$",
                $"the body is not UTF-8 text: the bytes at offset {ex.Index} are no UTF-8 character (declare another charset in Content-Type)");
        }
    }
}
