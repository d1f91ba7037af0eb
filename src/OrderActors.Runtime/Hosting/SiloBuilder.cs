using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Runtime.Postgres;

namespace OrderActors.Runtime.Hosting;

/// <summary>Adds grain classes, call filters and schema files to a silo being configured.</summary>
public sealed class SiloBuilder(IServiceCollection services)
{
    internal List<Type> GrainClasses { get; } = [];

    public IServiceCollection Services { get; } = services;

    /// <summary>Registers every concrete <see cref="Grain"/> class of the assembly.</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        GrainClasses.AddRange(assembly.GetTypes().Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract && t.IsClass));
        return this;
    }

    /// <summary>Registers grain classes one by one (tests).</summary>
    public SiloBuilder AddGrains(params Type[] grainClasses)
    {
        GrainClasses.AddRange(grainClasses);
        return this;
    }

    /// <summary>Adds a filter around every incoming call, in registration order.</summary>
    public SiloBuilder AddIncomingGrainCallFilter<TFilter>() where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }

    /// <summary>Adds a component's versioned .sql files, applied at start-up with the runtime's own.</summary>
    public SiloBuilder AddSchema(Assembly assembly, string component)
    {
        Services.AddSingleton<ISchemaScriptSource>(new EmbeddedSchemaScripts(assembly, component));
        return this;
    }
}
