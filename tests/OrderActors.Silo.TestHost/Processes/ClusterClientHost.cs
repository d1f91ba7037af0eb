using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderActors.Persistence;
using Orleans.Configuration;
using Serilog;

namespace OrderActors.Silo.TestHost.Processes;

/// <summary>
/// An Orleans external client of the silo processes, as a connector or the CLI could be: it finds the gateways in
/// the PostgreSQL membership table. Its own warnings go to client.log beside the silos' logs.
/// </summary>
internal static class ClusterClientHost
{
    /// <summary>A call without an answer fails after this long (a call in flight to a killed silo, at worst).</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IHost> StartAsync(string connectionString, string clusterId, string logPath)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSerilog(new LoggerConfiguration()
            .MinimumLevel.Warning()
            .WriteTo.File(logPath, outputTemplate: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] client {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger(), dispose: true);
        builder.UseOrleansClient(client =>
        {
            client.UseHubPostgresClustering(connectionString);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = SiloProcessCluster.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        });
        IHost host = builder.Build();
        using var connecting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(connecting.Token);
        return host;
    }
}
