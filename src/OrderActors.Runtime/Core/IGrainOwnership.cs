namespace OrderActors.Runtime.Core;

/// <summary>Which grains this silo owns. A single silo owns every grain; a cluster member owns its share.</summary>
internal interface IGrainOwnership
{
    bool IsLocal(GrainId grainId);

    /// <summary>Raised after the set of live silos (and so ownership) changed.</summary>
    event Action? OwnershipChanged;
}

/// <summary>Ownership of a silo that is alone: it owns everything.</summary>
internal sealed class SingleSiloOwnership : IGrainOwnership
{
    public bool IsLocal(GrainId grainId) => true;

    public event Action? OwnershipChanged
    {
        add { }
        remove { }
    }
}
