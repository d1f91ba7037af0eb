using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OrderActors.Grains.Audit;
using OrderActors.Runtime.Hosting;

namespace OrderActors.Grains;

/// <summary>Registers the domain grains, their options, the inventory audit and the order projection's schema with a silo.</summary>
public static class GrainsModule
{
    public static Assembly Assembly => typeof(GrainsModule).Assembly;

    public static SiloBuilder AddOrderHubGrains(this SiloBuilder silo)
    {
        silo.Services.AddOptions<HubOptions>();
        silo.Services.AddSingleton<InventoryAudit>();
        return silo.AddGrains(Assembly).AddSchema(Assembly, "orderhub");
    }
}
