using OrderActors.Persistence.Hosting;
using OrderActors.Persistence.Journal;

namespace OrderActors.Persistence;

public static class HubMemoryExtensions
{
    /// <summary>
    /// The memory mode (development, tests): memory grain storage with the same JSON
    /// serializer, in-memory reminders, memory streams named <see cref="HubPersistence.StreamProvider"/>, and the
    /// memory journal. Nothing survives the process.
    /// </summary>
    public static ISiloBuilder UseHubMemory(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService()
            .AddMemoryStreams(HubPersistence.StreamProvider, streams => streams.ConfigureStreamPubSub(HubPersistence.StreamPubSub))
            .UseHubJsonGrainStorageSerializer();
        silo.Services.AddHubJournal<MemoryGrainJournalStorage>();
        return silo;
    }
}
