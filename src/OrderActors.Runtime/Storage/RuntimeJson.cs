using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderActors.Runtime.Storage;

/// <summary>The one JSON shape used for grain state and silo-to-silo messages: camelCase, enums as names.</summary>
public static class RuntimeJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
