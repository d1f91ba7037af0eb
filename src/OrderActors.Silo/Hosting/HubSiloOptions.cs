namespace OrderActors.Silo.Hosting;

/// <summary>Where grain state, reminders, streams and membership live.</summary>
public enum StorageKind
{
    /// <summary>In process memory: tests and throwaway development runs. Nothing survives a restart.</summary>
    Memory,
    /// <summary>PostgreSQL through Orleans' ADO.NET providers and our SQL.</summary>
    Postgres,
}

/// <summary>
/// The silo's own settings (the "Silo" section of a silo-config file). Orleans' options are bound from
/// subsections of the same section: Messaging (SiloMessagingOptions), Collection (GrainCollectionOptions),
/// Reminders (ReminderOptions), Membership (ClusterMembershipOptions); JournalSnapshotInterval (HubJournalOptions) sits in "Silo" itself.
/// </summary>
public sealed class HubSiloOptions
{
    /// <summary>Silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>Rows of different services never mix in the shared tables.</summary>
    public string ServiceId { get; set; } = "orderactors";

    /// <summary>A readable name for logs and the membership table; defaults to Orleans' own.</summary>
    public string? SiloName { get; set; }

    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>Required for <see cref="StorageKind.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; set; }

    public ClusterEndpointOptions Cluster { get; set; } = new();
}

/// <summary>Membership and silo-to-silo endpoints.</summary>
public sealed class ClusterEndpointOptions
{
    /// <summary>Join the cluster <see cref="HubSiloOptions.ClusterId"/> through PostgreSQL membership; otherwise a lone silo.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where other silos reach this one.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port; 0 (the default) picks a free one, which suits a lone silo. Cluster members set theirs.</summary>
    public int SiloPort { get; set; }

    /// <summary>Port for external Orleans clients; 0 means none.</summary>
    public int GatewayPort { get; set; }
}
