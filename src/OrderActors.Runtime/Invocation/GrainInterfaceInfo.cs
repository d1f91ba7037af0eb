using System.Collections.Frozen;
using System.Reflection;

namespace OrderActors.Runtime.Invocation;

/// <summary>The methods of a grain interface, including those it inherits from other grain interfaces.</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly FrozenDictionary<MethodInfo, GrainMethod> _byMethod;

    public GrainInterfaceInfo(Type grainInterface)
    {
        if (!grainInterface.IsInterface || !typeof(IGrain).IsAssignableFrom(grainInterface))
        {
            throw new ArgumentException($"{grainInterface.FullName} is not a grain interface.");
        }
        InterfaceType = grainInterface;
        IEnumerable<MethodInfo> methods = new[] { grainInterface }
            .Concat(grainInterface.GetInterfaces())
            .SelectMany(i => i.GetMethods());
        Dictionary<MethodInfo, GrainMethod> table = new();
        foreach (MethodInfo method in methods)
        {
            table[method] = GrainMethod.Create(method);
        }
        var duplicateKey = table.Values.GroupBy(m => m.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicateKey is not null)
        {
            throw new InvalidOperationException($"Grain method overloads with the same parameter count are not supported: {duplicateKey.Key}.");
        }
        _byMethod = table.ToFrozenDictionary();
    }

    public Type InterfaceType { get; }

    public IEnumerable<GrainMethod> Methods => _byMethod.Values;

    public GrainMethod Get(MethodInfo method) => _byMethod[method];
}
