namespace OrderActors.Runtime;

/// <summary>Where grain state, reminders and membership live.</summary>
public enum StorageKind
{
    /// <summary>In process memory: tests and throwaway development runs. Nothing survives a restart.</summary>
    Memory,
    /// <summary>PostgreSQL through Npgsql: state, reminders, membership, streams.</summary>
    Postgres,
}

/// <summary>Settings of one silo (bound from the "Silo" section of a silo-config file).</summary>
public sealed class SiloOptions
{
    /// <summary>Silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>A readable name for logs; defaults to host:port.</summary>
    public string? SiloName { get; set; }

    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>Required for <see cref="StorageKind.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>How long a caller waits for a response before the call fails (Orleans' default: 30 s).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle this long is collected.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long OnDeactivateAsync may run before it is abandoned.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Reminders with a shorter period are refused (Orleans: 1 minute). Tests lower it.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the reminder service re-reads the table as a safety net.</summary>
    public TimeSpan ReminderRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A journaled state writes a snapshot after this many events, bounding the replay on activation.</summary>
    public int JournalSnapshotInterval { get; set; } = 500;

    /// <summary>Cluster membership and transport; disabled for a lone (embedded) silo.</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Apply the schema's versioned .sql files at start-up.</summary>
    public bool ApplySchemaOnStart { get; set; } = true;
}
