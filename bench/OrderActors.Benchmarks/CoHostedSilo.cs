using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace OrderActors.Benchmarks;

/// <summary>
/// An Orleans silo inside a generic host in this process, the way the silo executable hosts the REST facade: callers
/// use the <see cref="IGrainFactory"/> from the silo's own services, not a client through a gateway. Silo-to-silo
/// traffic goes over loopback TCP (Orleans' socket transport); membership is Orleans' development clustering, held
/// in memory by the first silo. Two Orleans warnings are turned down: the silo's note that it runs without server GC
/// (the benchmarks run workstation GC on purpose, as they did before the move) and the watchdog's stall warning at
/// start-up (its platform thread can read the participant-check timestamp before it is first set).
/// </summary>
internal sealed class CoHostedSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private CoHostedSilo(IHost host)
    {
        _host = host;
        Services = host.Services;
        GrainFactory = host.Services.GetRequiredService<IGrainFactory>();
        Address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
    }

    public IServiceProvider Services { get; }

    public IGrainFactory GrainFactory { get; }

    public SiloAddress Address { get; }

    /// <summary>The endpoint other silos name as the primary to join this one's cluster.</summary>
    public IPEndPoint Endpoint => Address.Endpoint;

    /// <summary>The Orleans package version the silo runs, e.g. "10.4.2".</summary>
    public static string OrleansVersion =>
        typeof(Grain).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split(' ', '+')[0].TrimEnd('.') ?? "?";

    /// <summary>Starts a silo on a free loopback port; with <paramref name="primary"/> it joins that silo's cluster.</summary>
    public static async Task<CoHostedSilo> StartAsync(string clusterId, IPEndPoint? primary = null, Action<ISiloBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Orleans.Runtime.Silo", LogLevel.Error)
            .AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), gatewayPort: 0, primary, serviceId: "orderactors-bench", clusterId: clusterId);
            configure?.Invoke(silo);
        });
        IHost host = builder.Build();
        await host.StartAsync();
        return new CoHostedSilo(host);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
