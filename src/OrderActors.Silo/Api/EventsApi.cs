using System.Globalization;
using System.Text.Json;
using OrderActors.Silo.Access;
using OrderActors.Silo.Projections;

namespace OrderActors.Silo.Api;

/// <summary>
/// Server-sent events of the tenant's order and warehouse events. Each carries its sequence number as
/// its id: a client reconnecting with Last-Event-ID gets what it missed first, then the live stream.
/// </summary>
public static class EventsApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", StreamAsync).WithTags("Observing").RequireAuthorization(Permissions.Read);
        return app;
    }

    public static async Task StreamAsync(HttpContext context, IServiceProvider services, JsonSerializerOptionsHolder json)
    {
        string tenant = Tenancy.Of(context);
        HubEventPump pump = services.GetService<HubEventPump>() ?? throw new ProjectionUnavailableException();
        CancellationToken aborted = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var live = pump.Subscribe(tenant, aborted);
        long last = long.TryParse(context.Request.Headers["Last-Event-ID"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out long resume) ? resume : -1;
        await context.Response.WriteAsync(": connected\n\n", aborted);
        if (last >= 0)
        {
            foreach (HubEvent missed in await pump.ReplayAsync(tenant, last, 1000, aborted))
            {
                last = await WriteAsync(context, missed, json, aborted);
            }
        }
        await context.Response.Body.FlushAsync(aborted);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                beat.CancelAfter(Heartbeat);
                try
                {
                    HubEvent next = await live.ReadAsync(beat.Token);
                    if (next.Seq > last)
                    {
                        last = await WriteAsync(context, next, json, aborted);
                    }
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", aborted);
                }
                await context.Response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private static async Task<long> WriteAsync(HttpContext context, HubEvent e, JsonSerializerOptionsHolder json, CancellationToken aborted)
    {
        string data = JsonSerializer.Serialize(new { seq = e.Seq, kind = e.Kind, subject = e.Subject, at = e.At, data = e.Data }, json.Options);
        await context.Response.WriteAsync($"id: {e.Seq}\nevent: {e.Stream}\ndata: {data}\n\n", aborted);
        return e.Seq;
    }
}

/// <summary>The API's JSON options (camelCase, enums as names), for writers outside the result pipeline.</summary>
public sealed class JsonSerializerOptionsHolder(Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> options)
{
    public JsonSerializerOptions Options { get; } = options.Value.SerializerOptions;
}
