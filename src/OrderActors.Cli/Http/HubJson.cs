using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderActors.Cli.Http;

/// <summary>The facade's JSON conventions: camelCase, enums as names.</summary>
public static class HubJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
