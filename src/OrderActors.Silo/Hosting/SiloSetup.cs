using OrderActors.Grains;
using OrderActors.Runtime;
using OrderActors.Runtime.Filters;
using OrderActors.Runtime.Hosting;

namespace OrderActors.Silo.Hosting;

/// <summary>The silo inside the web host: runtime options from the "Silo" section, the domain grains and their rules ("Hub"), call filters.</summary>
public static class SiloSetup
{
    public static WebApplicationBuilder AddOrderHubSilo(this WebApplicationBuilder builder)
    {
        IConfigurationSection section = builder.Configuration.GetSection("Silo");
        builder.Services
            .AddOrderActorsSilo(options => section.Bind(options))
            .AddOrderHubGrains()
            .AddSchema(typeof(SiloSetup).Assembly, "facade")
            .AddIncomingGrainCallFilter<LoggingCallFilter>()
            .AddIncomingGrainCallFilter<MetricsCallFilter>();
        builder.Services.AddOptions<HubOptions>().Bind(builder.Configuration.GetSection("Hub"));
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        return builder;
    }
}
