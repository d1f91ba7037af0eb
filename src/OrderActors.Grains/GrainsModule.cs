using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderActors.Connectors;
using OrderActors.Connectors.Pull;
using OrderActors.Grains.Audit;
using OrderActors.Grains.Channels;
using OrderActors.Persistence;
using Orleans.Hosting;

namespace OrderActors.Grains;

/// <summary>
/// Registers the domain grains' options, the inventory audit, the channel pulls (the <c>Channels</c> section, their HTTP
/// client, the connectors, the scheduler) and the order projection's schema with a silo (Orleans finds the grain
/// classes itself).
/// </summary>
public static class GrainsModule
{
    /// <summary>How long one platform call may take before its page fails.</summary>
    private static readonly TimeSpan PullTimeout = TimeSpan.FromSeconds(30);

    public static Assembly Assembly => typeof(GrainsModule).Assembly;

    public static ISiloBuilder AddOrderHubGrains(this ISiloBuilder silo)
    {
        silo.AddIncomingGrainCallFilter<StateWriteGuard>();
        silo.Services.AddOptions<HubOptions>()
            .Validate(o => o.Unpaid.IsValid(), "Hub:Unpaid: RemindAfter must be positive and below CancelAfter, for every channel.")
            .ValidateOnStart();
        silo.Services.TryAddKeyedSingleton(HubClock.Key, TimeProvider.System);
        silo.Services.AddSingleton<InventoryAudit>();
        silo.Services.TryAddSingleton(_ => ConnectorRegistry.CreateDefault());
        IConfigurationSection channels = silo.Configuration.GetSection("Channels");
        silo.Services.AddOptions<ChannelPullOptions>().Configure(o => channels.Bind(o.Channels));
        // No request logging: Douyin's and Meituan's query strings carry the access token.
        silo.Services.AddHttpClient(OrderListClients.HttpClientName, http => http.Timeout = PullTimeout).RemoveAllLoggers();
        silo.Services.AddHostedService<ChannelPullScheduler>();
        silo.Services.AddHubSchema(Assembly, "orderhub");
        return silo;
    }
}
