using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Persistence.Schema;

namespace OrderActors.Persistence;

public static class SchemaServiceCollectionExtensions
{
    /// <summary>
    /// Adds a component's schema: the "NNN_name.sql" resources embedded in <paramref name="assembly"/>, applied
    /// in version order after this project's own ("runtime") when a silo on PostgreSQL starts.
    /// </summary>
    public static IServiceCollection AddHubSchema(this IServiceCollection services, Assembly assembly, string component)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        return services.AddSingleton<ISchemaScriptSource>(new EmbeddedSchemaScripts(assembly, component));
    }
}
