using Microsoft.Extensions.DependencyInjection;
using OrderActors.Persistence.Hosting;
using OrderActors.Persistence.Storage;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using OrderActors.Persistence.Journal;

namespace OrderActors.Persistence;

public static class HubMemoryExtensions
{
    /// <summary>
    /// The memory mode (development, tests): memory grain storage behind <see cref="HubGrainStorage"/>, with the same JSON
    /// serializer, in-memory reminders, memory streams named <see cref="HubPersistence.StreamProvider"/>, and the
    /// memory journal. Nothing survives the process.
    /// </summary>
    public static ISiloBuilder UseHubMemory(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(HubPersistence.MemoryStorage)
            .UseInMemoryReminderService()
            .AddMemoryStreams(HubPersistence.StreamProvider, streams => streams.ConfigureStreamPubSub(HubPersistence.StreamPubSub))
            .UseHubJsonGrainStorageSerializer();
        silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (services, _) => new HubGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(HubPersistence.MemoryStorage)));
        silo.Services.AddHubJournal<MemoryGrainJournalStorage>();
        return silo;
    }
}
