using System.Collections.Immutable;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Cluster;

/// <summary>
/// Highest-random-weight placement: a grain's owner is the live silo whose endpoint, mixed with the
/// grain id's hash, scores highest. Every silo with the same view picks the same owner, and when a silo
/// joins or leaves only the grains it wins or held move.
/// </summary>
internal static class RendezvousPlacement
{
    public static SiloAddress? Owner(GrainId grainId, ImmutableArray<SiloAddress> silos)
    {
        if (silos.IsEmpty)
        {
            return null;
        }
        ulong grainHash = grainId.StableHash();
        SiloAddress? best = null;
        ulong bestScore = 0;
        foreach (SiloAddress silo in silos)
        {
            ulong score = StableHashing.Finalize(grainHash ^ silo.PlacementHash);
            if (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(silo.Endpoint, best.Endpoint) < 0))
            {
                best = silo;
                bestScore = score;
            }
        }
        return best;
    }
}
