using System.Globalization;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Cluster;

/// <summary>
/// A silo incarnation: where it listens and when it started. A restarted silo at the same endpoint is a
/// new member (new generation); placement hashes the endpoint only, so it gets its old grains back.
/// </summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>The endpoint's stable hash, the silo's weight input in rendezvous placement.</summary>
    internal ulong PlacementHash { get; } = StableHashing.Fnv1a64(Host, Port.ToString(CultureInfo.InvariantCulture));

    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}@{Generation}");

    public override string ToString() => Id;

    public static SiloAddress Parse(string id)
    {
        int at = id.LastIndexOf('@');
        int colon = id.LastIndexOf(':', at);
        if (at < 0 || colon < 0)
        {
            throw new FormatException($"'{id}' is not a silo id (host:port@generation).");
        }
        return new SiloAddress(
            id[..colon],
            int.Parse(id[(colon + 1)..at], CultureInfo.InvariantCulture),
            long.Parse(id[(at + 1)..], CultureInfo.InvariantCulture));
    }
}
