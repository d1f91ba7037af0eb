namespace OrderActors.Runtime;

/// <summary>Cluster membership and silo-to-silo transport settings (the "Silo:Cluster" section).</summary>
public sealed class ClusterOptions
{
    /// <summary>Join a cluster through the PostgreSQL membership table; off means a lone silo owning every grain.</summary>
    public bool Enabled { get; set; }

    /// <summary>The address other silos use to reach this one.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo TCP port; 0 picks a free one (tests).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>How often this silo writes its heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silo whose heartbeat is older than this (by the database clock) is declared dead.</summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often the membership view is re-read when no change notification arrived.</summary>
    public TimeSpan ViewRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long connecting to another silo may take before the attempt fails.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times a call may be passed on to another silo before the receiver runs it itself.</summary>
    public int MaxForwardCount { get; set; } = 2;
}
