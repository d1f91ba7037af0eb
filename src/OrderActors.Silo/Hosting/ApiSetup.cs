using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderActors.Connectors;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Silo.Access;
using OrderActors.Silo.AfterSales;
using OrderActors.Silo.Api;
using OrderActors.Silo.Demo;
using OrderActors.Notifications;
using OrderActors.Silo.Idempotency;
using OrderActors.Silo.Notifications;
using OrderActors.Silo.Projections;
using Orleans.Dashboard;

namespace OrderActors.Silo.Hosting;

/// <summary>The REST facade, live events, the admin UI and their supporting services.</summary>
public static class ApiSetup
{
    private const long MaxRequestBytes = 1024 * 1024;

    public static WebApplicationBuilder AddOrderHubApi(this WebApplicationBuilder builder)
    {
        bool postgres = builder.Configuration.GetSection("Silo").Get<HubSiloOptions>()?.Storage == StorageKind.Postgres;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // The web defaults read "12" as 12; a number sent as a string is a client's bug, refused naming its field.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new RequestTextConverter());
        });
        // Outside Development a body that does not bind would be a bare 400; thrown, ProblemMapping names its fields.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(ConnectorRegistry.CreateDefault());
        builder.Services.AddSingleton<JsonSerializerOptionsHolder>();
        builder.Services.AddSingleton<DemoData>();
        if (postgres)
        {
            builder.Services.AddSingleton<IOrderProjection>(sp => new PostgresOrderProjection(sp.GetRequiredService<NpgsqlDataSource>()));
            builder.Services.AddSingleton<IRmaProjection>(sp => new PostgresRmaProjection(sp.GetRequiredService<NpgsqlDataSource>()));
            builder.Services.AddSingleton<NotificationStore>();
            builder.Services.AddSingleton<NotificationFanout>();
            builder.Services.AddHostedService<NotificationDispatcher>();
            builder.Services.AddSingleton<IIdempotencyStore>(sp => new PostgresIdempotencyStore(sp.GetRequiredService<NpgsqlDataSource>()));
            builder.Services.AddSingleton<HubEventPump>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<HubEventPump>());
            builder.Services.AddHostedService<HubEventRelayStarter>();
        }
        else
        {
            builder.Services.AddSingleton<IOrderProjection, UnavailableOrderProjection>();
            builder.Services.AddSingleton<IRmaProjection, UnavailableRmaProjection>();
            builder.Services.AddSingleton<IIdempotencyStore, MemoryIdempotencyStore>();
        }
        builder.Services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection("Notifications"));
        builder.Services.AddNotificationSenders();
        builder.Services.AddSingleton<ReasonModels>();
        builder.Services.AddSingleton<IReasonClassifier>(sp => sp.GetRequiredService<ReasonModels>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReasonModels>());
        builder.AddOrderHubAccess(postgres);
        builder.Services.AddHostedService<MaintenanceService>();
        builder.Services.AddHostedService<DemoOnStart>();
        return builder;
    }

    public static WebApplication UseOrderHubApi(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestCharset>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseOrderHubAccess();
        // Inside access (a key is scoped to its principal), outside the inner exception handler, so that what it
        // keeps is the final response, problem details included.
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseExceptionHandler();
        // The one document by its literal path: any other name is the hub's 404 problem, not the framework's plain text.
        app.MapOpenApi("/openapi/v1.json").RequireAuthorization(Permissions.Principal);
        app.MapAccessApi();
        app.MapWarehousesApi();
        app.MapCatalogApi();
        app.MapChannelsApi();
        app.MapChannelPullApi();
        app.MapCarriersApi();
        app.MapOrdersApi();
        app.MapReturnsApi();
        app.MapReturnReasonsApi();
        app.MapNotificationsApi();
        app.MapObservingApi();
        app.MapEventsApi();
        app.MapDemoApi();
        app.MapHealthEndpoints();
        app.MapOrleansDashboard(routePrefix: "/orleans-dashboard").RequireAuthorization(Permissions.ClusterAdmin);
        return app;
    }
}

/// <summary>With <c>--Demo:Orders N</c> (scripts/run.sh --demo), loads demo data into the default tenant once the silo is up.</summary>
public sealed partial class DemoOnStart(IConfiguration configuration, DemoData demo, IHostApplicationLifetime lifetime, ILogger<DemoOnStart> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int orders = configuration.GetValue<int?>("Demo:Orders") ?? -1;
        if (orders < 0)
        {
            return;
        }
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        DemoResult result = await demo.SeedAsync(Tenancy.DefaultTenant, orders);
        LogSeeded(result.Warehouses, result.Skus, result.Orders);
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Demo data loaded: {Warehouses} warehouses, {Skus} SKUs, {Orders} orders")]
    private partial void LogSeeded(int warehouses, int skus, int orders);
}
