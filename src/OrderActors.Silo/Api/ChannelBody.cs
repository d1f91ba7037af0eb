using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace OrderActors.Silo.Api;

/// <summary>
/// A platform's push body as JSON, whatever it was sent as. JSON stays JSON; a form
/// (<c>application/x-www-form-urlencoded</c>, how Meituan pushes) becomes an object of its fields as strings, so
/// fields holding JSON text (<c>detail</c>, <c>extras</c>) are read by the connector like any embedded JSON.
/// </summary>
public static class ChannelBody
{
    /// <summary>Pushes are small; a body over this is not a platform's order.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<JsonElement> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new RequestValidationException("$", $"the body is over {MaxBytes / 1024 / 1024} MB");
        }
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? contentType);
        string mediaType = contentType?.MediaType.Value ?? "application/json";
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
        {
            throw new RequestValidationException("$", $"the body is over {MaxBytes / 1024 / 1024} MB");
        }
        byte[] bytes = buffer.ToArray();
        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return FromForm(Decode(bytes));
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

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new RequestValidationException("$", "the form is not UTF-8 text");
        }
    }
}
