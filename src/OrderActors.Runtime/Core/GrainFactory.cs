using System.Reflection;
using OrderActors.Runtime.Invocation;

namespace OrderActors.Runtime.Core;

/// <summary>Creates grain references; a reference is a small proxy, so none are cached.</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, IGrainCallRouter router) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        GrainClassInfo grainClass = registry.GetByInterface(typeof(TGrain));
        return (TGrain)GetReference(typeof(TGrain), new GrainId(grainClass.TypeName, key));
    }

    /// <summary>A reference typed as <paramref name="grainInterface"/> to an existing grain id (used for reminders).</summary>
    public object GetReference(Type grainInterface, GrainId grainId)
    {
        object proxy = DispatchProxy.Create(grainInterface, typeof(GrainReferenceProxy));
        ((GrainReferenceProxy)proxy).Initialize(router, registry.GetInterface(grainInterface), grainId);
        return proxy;
    }
}
