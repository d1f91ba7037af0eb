namespace OrderActors.Runtime.Core;

/// <summary>The identity of a grain: its grain type name and its string key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";

    /// <summary>A hash that is the same in every process (string.GetHashCode is randomised per process).</summary>
    public ulong StableHash() => StableHashing.Fnv1a64(Type, Key);
}

/// <summary>FNV-1a over UTF-16 code units: cheap, stable across processes and platforms.</summary>
internal static class StableHashing
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Fnv1a64(string a, string b)
    {
        ulong hash = Mix(Offset, a);
        hash = (hash ^ '/') * Prime;
        return Mix(hash, b);
    }

    public static ulong Mix(ulong hash, string text)
    {
        foreach (char c in text)
        {
            hash = (hash ^ c) * Prime;
        }
        return hash;
    }

    /// <summary>A final avalanche step so that near-identical inputs spread over the whole range.</summary>
    public static ulong Finalize(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
