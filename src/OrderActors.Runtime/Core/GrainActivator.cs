using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Runtime.Storage;

namespace OrderActors.Runtime.Core;

/// <summary>Builds grain instances: constructor injection from the silo's services, plus the grain's persistent states.</summary>
internal sealed class GrainActivator(IServiceProvider services, IGrainStorage storage)
{
    private readonly ConcurrentDictionary<Type, Recipe> _recipes = new();

    public (Grain Grain, IReadOnlyList<IPersistentStateLoader> States) Create(ActivationData activation)
    {
        Recipe recipe = _recipes.GetOrAdd(activation.GrainClass.ClassType, BuildRecipe);
        var states = new IPersistentStateLoader[recipe.States.Length];
        for (int i = 0; i < states.Length; i++)
        {
            states[i] = recipe.States[i](activation.GrainId, storage);
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
        var stateFactories = new List<Func<GrainId, IGrainStorage, IPersistentStateLoader>>();
        var stateTypes = new List<Type>();
        foreach (ParameterInfo parameter in constructors[0].GetParameters())
        {
            PersistentStateAttribute? attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (attribute is null)
            {
                continue;
            }
            Type type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"{grainClass.Name}: [PersistentState] goes on an IPersistentState<T> parameter.");
            }
            Type stateImpl = typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()[0]);
            string stateName = attribute.StateName;
            stateFactories.Add((id, store) => (IPersistentStateLoader)Activator.CreateInstance(stateImpl, id, stateName, store)!);
            stateTypes.Add(type);
        }
        ObjectFactory factory = ActivatorUtilities.CreateFactory(grainClass, [.. stateTypes]);
        return new Recipe(factory, [.. stateFactories]);
    }

    private sealed record Recipe(ObjectFactory Factory, Func<GrainId, IGrainStorage, IPersistentStateLoader>[] States);
}
