using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderActors.Cli.Tests.Support;

/// <summary>A tiny HTTP server with fixed answers, for what a healthy silo will not do on demand (fail its audit, not be ready, fail).</summary>
public sealed class StubHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubHub(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<StubHub> StartAsync(Action<IEndpointRouteBuilder> routes)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        routes(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StubHub(app, new Uri(address));
    }

    /// <summary>The CLI in-process against this server.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunAsync(new CliProcess(), args);

    public Task<CliRun> RunAsync(CliProcess process, params string[] args) => CliRun.InProcessAsync(process, [.. args, "--server", Address.ToString()]);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
