using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OrderActors.Connectors.Pull;

/// <summary>What every platform's list client shares: the shop, the HTTP client, the clock, JSON replies.</summary>
public abstract class PlatformListClient(PullTarget target, HttpClient http, TimeProvider time) : IOrderListClient
{
    protected PullTarget Target { get; } = target;

    protected TimeProvider Time { get; } = time;

    public abstract TimeSpan MaxWindow { get; }

    public abstract Task<OrderListPage> FetchAsync(PullWindow window, int page, CancellationToken cancellationToken);

    protected static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parameters with a value: what TOP-style gateways sign is exactly what the request carries.</summary>
    protected static Dictionary<string, string> NonEmpty(Dictionary<string, string> parameters) =>
        parameters.Where(p => p.Value.Length > 0).ToDictionary(StringComparer.Ordinal);

    /// <summary>The platform's error in <paramref name="reply"/>, or null when the reply is not one.</summary>
    protected abstract PlatformCallException? Refusal(string call, JsonElement reply);

    /// <summary>POSTs form fields to the gateway (parameters in the body, so tokens never sit in a URL).</summary>
    protected Task<JsonElement> PostFormAsync(
        string call, IEnumerable<KeyValuePair<string, string>> form, string envelope, CancellationToken cancellationToken) =>
        SendAsync(call, new HttpRequestMessage(HttpMethod.Post, Target.BaseUrl) { Content = new FormUrlEncodedContent(form) }, cancellationToken, envelope);

    /// <summary>
    /// Sends a call and returns its JSON reply, which must hold <paramref name="envelope"/>: the platform's own error
    /// becomes <see cref="PlatformCallException"/>, any other failure or shape an <see cref="HttpRequestException"/>, so a
    /// page is never mistaken for an empty one.
    /// </summary>
    protected async Task<JsonElement> SendAsync(string call, HttpRequestMessage request, CancellationToken cancellationToken, string? envelope = null)
    {
        using (request)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (TryParse(body) is not { ValueKind: JsonValueKind.Object } reply)
            {
                throw new HttpRequestException($"{call}: {(int)response.StatusCode} with a body that is not a JSON object", null, response.StatusCode);
            }
            if (Refusal(call, reply) is { } refusal)
            {
                throw refusal;
            }
            if (!response.IsSuccessStatusCode || (envelope is not null && Path(reply, envelope) is null))
            {
                throw new HttpRequestException($"{call}: {(int)response.StatusCode} without {envelope ?? "a reply"}", null, response.StatusCode);
            }
            return reply;
        }
    }

    private static JsonElement? TryParse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A property's text whether the platform sent it as a string or a number.</summary>
    protected static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    protected static bool Flag(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true"));

    protected static long? Count(JsonElement element, string name) =>
        long.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long count) ? count : null;

    /// <summary>The elements of an array property, or none.</summary>
    protected static IReadOnlyList<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : [];

    /// <summary>The object at a path of property names, or null.</summary>
    protected static JsonElement? Path(JsonElement element, params string[] names)
    {
        JsonElement current = element;
        foreach (string name in names)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }
        return current;
    }
}
