using OrderActors.Runtime.Cluster;

namespace OrderActors.Runtime.Core;

/// <summary>Which silo owns which grain. A lone silo owns every grain; a cluster member owns its share.</summary>
internal interface IGrainOwnership
{
    bool IsLocal(GrainId grainId);

    /// <summary>The owner among the live silos; null when none is live (or this is a lone silo, which owns all).</summary>
    SiloAddress? GetOwner(GrainId grainId);

    /// <summary>Raised after the set of live silos (and so ownership) changed.</summary>
    event Action? OwnershipChanged;
}

/// <summary>Ownership of a silo that is alone: it owns everything.</summary>
internal sealed class SingleSiloOwnership : IGrainOwnership
{
    public bool IsLocal(GrainId grainId) => true;

    public SiloAddress? GetOwner(GrainId grainId) => null;

    public event Action? OwnershipChanged
    {
        add { }
        remove { }
    }
}
