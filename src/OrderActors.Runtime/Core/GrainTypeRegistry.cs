using System.Collections.Frozen;
using System.Reflection;
using OrderActors.Runtime.Invocation;

namespace OrderActors.Runtime.Core;

/// <summary>Which grain class implements which grain interface, and each grain type's method tables.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClassInfo> _byInterface = new();
    private readonly Dictionary<string, GrainClassInfo> _byTypeName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, GrainInterfaceInfo> _interfaces = new();
    private readonly Lazy<FrozenDictionary<string, GrainMethod>> _methodsByKey;

    public GrainTypeRegistry(IEnumerable<Type> grainClasses)
    {
        foreach (Type grainClass in grainClasses)
        {
            Register(grainClass);
        }
        _methodsByKey = new Lazy<FrozenDictionary<string, GrainMethod>>(() => _byInterface.Keys
            .Append(typeof(IRemindable))
            .SelectMany(i => GetInterface(i).Methods)
            .DistinctBy(m => m.Key)
            .ToFrozenDictionary(m => m.Key));
    }

    /// <summary>A grain method by its wire key (calls arriving from other silos).</summary>
    public GrainMethod GetMethod(string key) =>
        _methodsByKey.Value.TryGetValue(key, out GrainMethod? method)
            ? method
            : throw new InvalidOperationException($"Unknown grain method '{key}': are all silos running the same build?");

    public IEnumerable<GrainClassInfo> Classes => _byTypeName.Values;

    public GrainClassInfo GetByInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out GrainClassInfo? info)
            ? info
            : throw new InvalidOperationException($"No grain class implements {grainInterface.FullName}. Register its assembly with AddGrains.");

    public GrainClassInfo GetByTypeName(string typeName) =>
        _byTypeName.TryGetValue(typeName, out GrainClassInfo? info)
            ? info
            : throw new InvalidOperationException($"Unknown grain type '{typeName}'.");

    public bool TryGetByTypeName(string typeName, out GrainClassInfo? info) => _byTypeName.TryGetValue(typeName, out info);

    public GrainInterfaceInfo GetInterface(Type grainInterface)
    {
        lock (_interfaces)
        {
            if (!_interfaces.TryGetValue(grainInterface, out GrainInterfaceInfo? info))
            {
                info = new GrainInterfaceInfo(grainInterface);
                _interfaces[grainInterface] = info;
            }
            return info;
        }
    }

    private void Register(Type grainClass)
    {
        if (!typeof(Grain).IsAssignableFrom(grainClass) || grainClass.IsAbstract)
        {
            throw new ArgumentException($"{grainClass.FullName} is not a concrete Grain.");
        }
        string typeName = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(grainClass);
        var info = new GrainClassInfo(typeName, grainClass);
        if (!_byTypeName.TryAdd(typeName, info))
        {
            throw new InvalidOperationException($"Grain type name '{typeName}' is used by {grainClass.FullName} and {_byTypeName[typeName].ClassType.FullName}.");
        }
        foreach (Type itf in grainClass.GetInterfaces().Where(IsGrainInterface))
        {
            if (itf == typeof(IRemindable))
            {
                continue;
            }
            if (_byInterface.TryGetValue(itf, out GrainClassInfo? other))
            {
                throw new InvalidOperationException($"{itf.FullName} is implemented by both {other.ClassType.FullName} and {grainClass.FullName}.");
            }
            _byInterface[itf] = info;
        }
    }

    private static bool IsGrainInterface(Type t) =>
        typeof(IGrain).IsAssignableFrom(t) && t != typeof(IGrain) && t != typeof(IGrainWithStringKey);

    private static string DefaultTypeName(Type grainClass)
    {
        string name = grainClass.Name;
        return (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > 5 ? name[..^5] : name).ToLowerInvariant();
    }
}

/// <summary>A registered grain class and the name its grain ids carry.</summary>
internal sealed record GrainClassInfo(string TypeName, Type ClassType);
