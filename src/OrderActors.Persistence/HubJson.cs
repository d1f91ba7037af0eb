using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderActors.Persistence;

/// <summary>
/// The one JSON shape of stored grain state and journal events: Web defaults (camelCase), enums as names, nulls
/// left out (smaller rows), and polymorphic type discriminators accepted anywhere in an object (jsonb reorders
/// keys). It is the shape the retired runtime wrote, so its rows still read; SQL triggers read it too.
/// </summary>
public static class HubJson
{
    /// <summary>The hub's serializer options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Gives <paramref name="options"/> (e.g. the instance Orleans' storage serializer owns) the hub's settings.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        JsonSerializerOptions web = JsonSerializerOptions.Web;
        options.PropertyNamingPolicy = web.PropertyNamingPolicy;
        options.PropertyNameCaseInsensitive = web.PropertyNameCaseInsensitive;
        options.NumberHandling = web.NumberHandling;
        options.IncludeFields = false;
        options.AllowOutOfOrderMetadataProperties = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
