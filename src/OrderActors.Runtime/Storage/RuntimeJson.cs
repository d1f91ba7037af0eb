using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderActors.Runtime.Storage;

/// <summary>
/// The one JSON shape used for grain state and silo-to-silo messages: camelCase, enums as names, nulls
/// left out (smaller rows), and polymorphic type discriminators accepted anywhere in an object
/// (PostgreSQL's jsonb reorders keys).
/// </summary>
public static class RuntimeJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
