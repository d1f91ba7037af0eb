using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace OrderActors.Persistence.Schema;

/// <summary>One versioned .sql file of a component's schema ("001_grain_state.sql" is version 1).</summary>
public sealed record SchemaScript(string Component, int Version, string Name, string Sql);

/// <summary>A component's versioned schema files.</summary>
public interface ISchemaScriptSource
{
    /// <summary>Every script of the component, in any order (the migrator sorts them).</summary>
    IEnumerable<SchemaScript> GetScripts();
}

/// <summary>Reads a component's schema files embedded in an assembly as resources named "NNN_name.sql".</summary>
public sealed partial class EmbeddedSchemaScripts(Assembly assembly, string component) : ISchemaScriptSource
{
    public IEnumerable<SchemaScript> GetScripts()
    {
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            Match match = VersionedName().Match(resource);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Schema resource '{resource}' is not named NNN_name.sql.");
            }
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return new SchemaScript(
                component,
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd());
        }
    }

    [GeneratedRegex(@"(?<version>\d{3})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex VersionedName();
}
