namespace OrderActors.Persistence.Journal;

/// <summary>Options of the journaled states.</summary>
public sealed class HubJournalOptions
{
    /// <summary>A snapshot is written once this many events followed the last one (default 500).</summary>
    public int JournalSnapshotInterval { get; set; } = 500;
}
