using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderActors.Grains.Audit;
using OrderActors.Persistence;
using Orleans.Hosting;

namespace OrderActors.Grains;

/// <summary>Registers the domain grains' options, the inventory audit and the order projection's schema with a silo (Orleans finds the grain classes itself).</summary>
public static class GrainsModule
{
    public static Assembly Assembly => typeof(GrainsModule).Assembly;

    public static ISiloBuilder AddOrderHubGrains(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<HubOptions>();
        silo.Services.TryAddKeyedSingleton(HubClock.Key, TimeProvider.System);
        silo.Services.AddSingleton<InventoryAudit>();
        silo.Services.AddHubSchema(Assembly, "orderhub");
        return silo;
    }
}
