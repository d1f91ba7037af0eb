using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderActors.Connectors.Tests.Support;

/// <summary>Loads the JSON fixtures under Fixtures/{channel}/, optionally edited first to break one field.</summary>
public static class Fixture
{
    public static JsonElement Load(string channel, string file) => Parse(File.ReadAllText(PathOf(channel, file)));

    /// <summary>The fixture with <paramref name="edit"/> applied to its JSON tree.</summary>
    public static JsonElement Edited(string channel, string file, Action<JsonNode> edit)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(PathOf(channel, file)))!;
        edit(root);
        return Parse(root.ToJsonString());
    }

    public static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string PathOf(string channel, string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", channel, file);
}
