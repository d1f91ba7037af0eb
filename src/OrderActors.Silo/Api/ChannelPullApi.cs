using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderActors.Abstractions.Channels;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Connectors.Pull;
using OrderActors.Silo.Access;
using Orleans;

namespace OrderActors.Silo.Api;

/// <summary>
/// The channel pulls: each channel's status (cursor, schedule, the run in progress, the last runs) and catch-ups of a
/// given window that answer at once with a run to poll.
/// </summary>
public static class ChannelPullApi
{
    public static RouteGroupBuilder MapChannelPullApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/channels").WithTags("Channel pulls");
        group.MapGet("/pulls", ListAsync).RequireAuthorization(Permissions.Read);
        group.MapGet("/{channel}/pull", GetAsync).RequireAuthorization(Permissions.Read);
        group.MapPost("/{channel}/pull", StartAsync).RequireAuthorization(Permissions.ChannelsPull);
        group.MapGet("/{channel}/pull/runs/{runId}", GetRunAsync).RequireAuthorization(Permissions.Read);
        return group;
    }

    public static async Task<Ok<List<ChannelPullResponse>>> ListAsync(HttpContext context, IGrainFactory grains, IOptions<ChannelPullOptions> options) =>
        TypedResults.Ok((await StatusesAsync(grains, options.Value, Tenancy.Of(context))).ToList());

    public static async Task<Ok<ChannelPullResponse>> GetAsync(string channel, HttpContext context, IGrainFactory grains, IOptions<ChannelPullOptions> options) =>
        TypedResults.Ok(await StatusAsync(grains, options.Value, Tenancy.Of(context), Known(channel)));

    public static async Task<Accepted<PullRun>> StartAsync(string channel, CatchUpRequest body, HttpContext context, IGrainFactory grains)
    {
        Channel parsed = Known(channel);
        var check = new RequestCheck();
        DateTimeOffset from = check.Required("from", body.From);
        DateTimeOffset to = check.Required("to", body.To);
        if (body.From is not null && body.To is not null && from >= to)
        {
            check.Add("from", "from must be before to.");
        }
        check.ThrowIfAny();
        PullRun run = await grains.GetGrain<IChannelPullGrain>(IChannelPullGrain.Key(Tenancy.Of(context), parsed))
            .StartCatchUpAsync(from, to, Operators.SourceOf(context));
        return TypedResults.Accepted($"/api/v1/channels/{parsed.ToRouteName()}/pull/runs/{run.RunId}", run);
    }

    public static async Task<Ok<PullRun>> GetRunAsync(string channel, string runId, HttpContext context, IGrainFactory grains)
    {
        Channel parsed = Known(channel);
        string id = RequestCheck.ValidId("runId", runId);
        PullRun run = await grains.GetGrain<IChannelPullGrain>(IChannelPullGrain.Key(Tenancy.Of(context), parsed)).GetRunAsync(id)
            ?? throw new NotFoundException($"No recent pull run '{id}' of {parsed.ToRouteName()}.");
        return TypedResults.Ok(run);
    }

    /// <summary>Every channel's pull; a channel that is not configured is answered without waking its grain.</summary>
    public static Task<ChannelPullResponse[]> StatusesAsync(IGrainFactory grains, ChannelPullOptions options, string tenant) =>
        Task.WhenAll(Enum.GetValues<Channel>().Select(channel => StatusAsync(grains, options, tenant, channel)));

    private static async Task<ChannelPullResponse> StatusAsync(IGrainFactory grains, ChannelPullOptions options, string tenant, Channel channel)
    {
        if (options.Target(tenant, channel, out string? notConfigured) is null)
        {
            ChannelPullSettings settings = options.For(channel);
            return new ChannelPullResponse(channel.ToRouteName(), false, notConfigured, false, settings.Interval, settings.Overlap, null, null, null, null);
        }
        PullStatus status = await grains.GetGrain<IChannelPullGrain>(IChannelPullGrain.Key(tenant, channel)).GetStatusAsync();
        return new ChannelPullResponse(channel.ToRouteName(), status.Configured, status.NotConfigured, status.Scheduled, status.Interval, status.Overlap,
            status.Cursor, status.Running, status.LastScheduled, status.LastCatchUp);
    }

    private static Channel Known(string channel) => ChannelNames.TryParse(channel, out Channel parsed)
        ? parsed
        : throw new NotFoundException($"Unknown channel '{channel}': one of {string.Join(", ", ChannelNames.All)}.");
}

/// <summary>POST /api/v1/channels/{channel}/pull: the window to pull again, [from, to); a <c>to</c> after now is read as now.</summary>
public sealed record CatchUpRequest(DateTimeOffset? From, DateTimeOffset? To);

/// <summary>One channel's pull for the tenant (see <see cref="PullStatus"/>).</summary>
public sealed record ChannelPullResponse(
    string Channel, bool Configured, string? NotConfigured, bool Scheduled, TimeSpan Interval, TimeSpan Overlap, DateTimeOffset? Cursor,
    PullRun? Running, PullRun? LastScheduled, PullRun? LastCatchUp)
{
    /// <summary>The latest run of either kind, finished or running.</summary>
    public PullRun? LastRun => new[] { Running, LastScheduled, LastCatchUp }.OfType<PullRun>().MaxBy(r => r.StartedAt);
}
