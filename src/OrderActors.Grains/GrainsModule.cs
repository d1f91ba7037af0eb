using System.Reflection;
using OrderActors.Runtime.Hosting;

namespace OrderActors.Grains;

/// <summary>Registers the domain grains and their schema with a silo.</summary>
public static class GrainsModule
{
    public static Assembly Assembly => typeof(GrainsModule).Assembly;

    public static SiloBuilder AddOrderHubGrains(this SiloBuilder silo) => silo.AddGrains(Assembly);
}
