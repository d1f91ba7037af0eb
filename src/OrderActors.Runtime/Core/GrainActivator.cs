using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderActors.Runtime.Storage;

namespace OrderActors.Runtime.Core;

/// <summary>Builds grain instances: constructor injection from the silo's services, plus the grain's persistent and journaled states.</summary>
internal sealed class GrainActivator(
    IServiceProvider services, IGrainStorage storage, IGrainJournalStorage journals, IOptions<SiloOptions> options, ILogger<GrainActivator> logger)
{
    private readonly ConcurrentDictionary<Type, Recipe> _recipes = new();
    private readonly IGrainStorage _storage = storage;
    private readonly IGrainJournalStorage _journals = journals;
    private readonly int _snapshotInterval = options.Value.JournalSnapshotInterval;
    private readonly ILogger _logger = logger;

    public (Grain Grain, IReadOnlyList<IPersistentStateLoader> States) Create(ActivationData activation)
    {
        Recipe recipe = _recipes.GetOrAdd(activation.GrainClass.ClassType, BuildRecipe);
        var states = new IPersistentStateLoader[recipe.States.Length];
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = recipe.States[i](activation.GrainId, this);
        }
        var grain = (Grain)recipe.Factory(services, states);
        grain.Attach(activation);
        return (grain, states);
    }

    private static Recipe BuildRecipe(Type grainClass)
    {
        ConstructorInfo[] constructors = grainClass.GetConstructors();
        if (constructors.Length != 1)
        {
            throw new InvalidOperationException($"{grainClass.Name} must have exactly one public constructor.");
        }
        var stateFactories = new List<Func<GrainId, GrainActivator, IPersistentStateLoader>>();
        var stateTypes = new List<Type>();
        foreach (ParameterInfo parameter in constructors[0].GetParameters())
        {
            Type type = parameter.ParameterType;
            if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } persistent)
            {
                Require(grainClass, type, typeof(IPersistentState<>), "[PersistentState]");
                Type stateImpl = typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments());
                string stateName = persistent.StateName;
                stateFactories.Add((id, activator) => (IPersistentStateLoader)Activator.CreateInstance(stateImpl, id, stateName, activator._storage)!);
            }
            else if (parameter.GetCustomAttribute<JournaledStateAttribute>() is { } journaled)
            {
                Require(grainClass, type, typeof(IJournaledState<,>), "[JournaledState]");
                Type stateImpl = typeof(JournaledState<,>).MakeGenericType(type.GetGenericArguments());
                string stateName = journaled.StateName;
                stateFactories.Add((id, activator) => (IPersistentStateLoader)Activator.CreateInstance(
                    stateImpl, id, stateName, activator._journals, activator._snapshotInterval, activator._logger)!);
            }
            else
            {
                continue;
            }
            if (stateTypes.Contains(type))
            {
                throw new InvalidOperationException($"{grainClass.Name} has two states of type {type.Name}; give them distinct state types.");
            }
            stateTypes.Add(type);
        }
        ObjectFactory factory = ActivatorUtilities.CreateFactory(grainClass, [.. stateTypes]);
        return new Recipe(factory, [.. stateFactories]);
    }

    private static void Require(Type grainClass, Type parameterType, Type expected, string attribute)
    {
        if (!parameterType.IsGenericType || parameterType.GetGenericTypeDefinition() != expected)
        {
            throw new InvalidOperationException($"{grainClass.Name}: {attribute} goes on an {expected.Name.Split('`')[0]} parameter.");
        }
    }

    private sealed record Recipe(ObjectFactory Factory, Func<GrainId, GrainActivator, IPersistentStateLoader>[] States);
}
