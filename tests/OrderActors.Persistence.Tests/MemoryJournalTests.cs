using OrderActors.Persistence.Journal;
using Orleans.Storage;

namespace OrderActors.Persistence.Tests;

/// <summary>The memory mode's journal keeps PostgreSQL's rules.</summary>
public sealed class MemoryJournalTests
{
    private static readonly JournalId Journal = new("quota", "acme/memory", "quota");

    [Fact]
    public async Task ASecondAppendAtTheSameVersionIsRefused()
    {
        var storage = new MemoryGrainJournalStorage();
        await storage.AppendAsync(Journal, 0, ["{}", "{}"]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.AppendAsync(Journal, 1, ["{}"]));
        Assert.Equal(2, (await storage.ReadAsync(Journal)).EventsJson.Count);
    }

    [Fact]
    public async Task AReadReturnsTheSnapshotAndOnlyTheEventsAfterIt()
    {
        var storage = new MemoryGrainJournalStorage();
        await storage.AppendAsync(Journal, 0, ["1", "2", "3"]);
        await storage.WriteSnapshotAsync(Journal, 2, "snapshot");
        await storage.WriteSnapshotAsync(Journal, 1, "older");

        JournalRead read = await storage.ReadAsync(Journal);

        Assert.Equal(("snapshot", 2L), (read.SnapshotJson, read.SnapshotVersion));
        Assert.Equal(["3"], read.EventsJson);
    }
}
