using System.Collections.Immutable;

namespace OrderActors.Runtime.Cluster;

/// <summary>The live silos at one membership version, as this silo last read them.</summary>
public sealed record MembershipView(long Version, ImmutableArray<SiloAddress> Active)
{
    public static MembershipView Empty { get; } = new(0, []);

    public bool Contains(SiloAddress silo) => Active.Contains(silo);
}

/// <summary>A member row of the membership table.</summary>
public sealed record MemberEntry(SiloAddress Address, string Status, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt, string? Name);

/// <summary>The statuses a member row moves through.</summary>
public static class MemberStatus
{
    public const string Active = "Active";
    public const string ShuttingDown = "ShuttingDown";
    public const string Left = "Left";
    public const string Dead = "Dead";
}
