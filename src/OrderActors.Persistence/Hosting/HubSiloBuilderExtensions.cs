using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderActors.Persistence.Journal;
using Orleans.Serialization;

namespace OrderActors.Persistence.Hosting;

/// <summary>What the PostgreSQL and the memory modes share.</summary>
internal static class HubSiloBuilderExtensions
{
    /// <summary>System.Text.Json with <see cref="HubJson"/>'s settings for every grain storage, chosen once: the stored rows depend on it.</summary>
    public static ISiloBuilder UseHubJsonGrainStorageSerializer(this ISiloBuilder silo)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o => HubJson.Apply(o.JsonSerializerOptions));
        return silo;
    }

    public static IServiceCollection AddHubJournal<TStorage>(this IServiceCollection services)
        where TStorage : class, IGrainJournalStorage
    {
        services.AddOptions<HubJournalOptions>();
        services.TryAddSingleton<IGrainJournalStorage, TStorage>();
        services.TryAddSingleton<IAttributeToFactoryMapper<JournaledStateAttribute>, JournaledStateAttributeMapper>();
        return services;
    }
}
