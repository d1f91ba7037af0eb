using Serilog;

namespace OrderActors.Silo.Hosting;

/// <summary>Serilog from the "Serilog" config section, plugged into the host's logging builder.</summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddSiloLogging(this WebApplicationBuilder builder)
    {
        Serilog.Core.Logger logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
