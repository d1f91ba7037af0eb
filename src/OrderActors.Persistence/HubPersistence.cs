namespace OrderActors.Persistence;

/// <summary>Names the hub's wiring registers, for grains and hosts to refer to.</summary>
public static class HubPersistence
{
    /// <summary>The stream provider every silo registers (ADO.NET streams on PostgreSQL, memory streams in memory mode).</summary>
    public const string StreamProvider = "hub";

    /// <summary>The ADO.NET invariant of PostgreSQL's provider (Orleans loads NpgsqlFactory by this name).</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Consumers subscribe implicitly (by stream namespace), so no pub-sub grain keeps subscriptions: Orleans' own
    /// pub-sub state types do not round-trip through the JSON storage serializer the hub chose for its state.
    /// </summary>
    public const Orleans.Streams.StreamPubSubType StreamPubSub = Orleans.Streams.StreamPubSubType.ImplicitOnly;

    /// <summary>The schema component of this project's own migrations (applied before every other component's).</summary>
    public const string SchemaComponent = "runtime";

    /// <summary>The name of the undecorated ADO.NET grain storage that <see cref="Storage.HubGrainStorage"/> wraps.</summary>
    public const string AdoNetStorage = "hub-adonet";

    /// <summary>The name of the undecorated memory grain storage that <see cref="Storage.HubGrainStorage"/> wraps in the memory mode.</summary>
    public const string MemoryStorage = "hub-memory";
}
