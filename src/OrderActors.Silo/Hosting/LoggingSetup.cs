using System.Diagnostics;
using Serilog;
using Serilog.Events;

namespace OrderActors.Silo.Hosting;

/// <summary>
/// Serilog (Serilog.AspNetCore) from the "Serilog" config section. Orleans' placement retries (Polly) log at
/// Information on every transient miss; they are turned down to Warning unless the config says otherwise.
/// </summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddSiloLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Filter.ByExcluding(IsWatchdogStartupRace));
        return builder;
    }

    /// <summary>
    /// Orleans' watchdog starts its platform thread before it stamps the component check's start, so its first
    /// look measures from timestamp 0 and reports a "participant check" stalled for longer than this process has
    /// existed. That one event is dropped; a real stall (shorter than the process's age) is still logged.
    /// </summary>
    private static bool IsWatchdogStartupRace(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out LogEventPropertyValue? source)
        && source is ScalarValue { Value: "Orleans.Runtime.Watchdog" }
        && logEvent.Properties.TryGetValue("TimeSinceLastTick", out LogEventPropertyValue? since)
        && since is ScalarValue { Value: TimeSpan stalled }
        && stalled > DateTime.Now - Process.GetCurrentProcess().StartTime;
}
