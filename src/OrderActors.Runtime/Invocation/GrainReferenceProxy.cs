using System.Reflection;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Invocation;

/// <summary>The typed reference handed out by the grain factory: every interface call becomes a routed request.</summary>
public class GrainReferenceProxy : DispatchProxy
{
    private IGrainCallRouter _router = null!;
    private GrainInterfaceInfo _interface = null!;

    /// <summary>The grain this reference points at.</summary>
    public GrainId GrainId { get; private set; }

    internal void Initialize(IGrainCallRouter router, GrainInterfaceInfo grainInterface, GrainId grainId)
    {
        _router = router;
        _interface = grainInterface;
        GrainId = grainId;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        GrainMethod method = _interface.Get(targetMethod);
        return method.CallFromReference(_router, GrainId, args ?? []);
    }

    public override string ToString() => $"GrainReference({GrainId})";
}
