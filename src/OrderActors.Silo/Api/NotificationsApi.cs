using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Notifications;
using OrderActors.Silo.Access;
using OrderActors.Silo.Api.Contracts;
using OrderActors.Silo.Notifications;
using OrderActors.Silo.Projections;

namespace OrderActors.Silo.Api;

/// <summary>A tenant's notification channels and its outbox: what was sent, what waits, what failed, and sending a dead letter again.</summary>
public static partial class NotificationsApi
{
    private const int MaxUrl = 1000;

    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder channels = app.MapGroup("/api/v1/notification-channels").WithTags("Notifications");
        channels.MapGet("/", ListChannelsAsync).RequireAuthorization(Permissions.NotificationsRead);
        channels.MapPut("/{name}", PutChannelAsync).RequireAuthorization(Permissions.NotificationsWrite);
        channels.MapDelete("/{name}", DeleteChannelAsync).RequireAuthorization(Permissions.NotificationsWrite);
        RouteGroupBuilder outbox = app.MapGroup("/api/v1/notifications").WithTags("Notifications");
        outbox.MapGet("/", ListAsync).RequireAuthorization(Permissions.NotificationsRead);
        outbox.MapGet("/counts", CountsAsync).RequireAuthorization(Permissions.NotificationsRead);
        outbox.MapPost("/{notificationId}/retry", RetryAsync).RequireAuthorization(Permissions.NotificationsWrite);
    }

    public static async Task<Ok<ChannelResponse>> PutChannelAsync(string name, ChannelRequest body, HttpContext context, IServiceProvider services)
    {
        var check = new RequestCheck();
        string id = check.Id("name", name);
        ChannelKind kind = default;
        if (!Enum.TryParse(body.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            check.Add("kind", $"kind must be one of {string.Join(", ", Enum.GetNames<ChannelKind>().Select(n => n.ToLowerInvariant()))}.");
        }
        string url = check.Required("url", body.Url);
        check.MaxLength("url", url, MaxUrl);
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) && parsed.Scheme is "http" or "https"))
        {
            check.Add("url", "url must be an absolute http(s) address.");
        }
        IReadOnlyList<string> events = body.Events ?? [];
        if (events.Count == 0)
        {
            check.Add("events", $"Name the events this channel takes: {string.Join(", ", NotificationFanout.Produced)} or *.");
        }
        foreach (string e in events.Where(e => e != "*" && !NotificationFanout.Produced.Contains(e)))
        {
            check.Add("events", $"Unknown event '{e}': one of {string.Join(", ", NotificationFanout.Produced)} or *.");
        }
        if (body.Secret is { } secret)
        {
            check.MaxLength("secret", secret, TextLimits.Reason);
        }
        check.ThrowIfAny();
        NotificationStore store = Store(services);
        bool hasSecret = (await store.ChannelAsync(Tenancy.Of(context), id))?.Channel.Secret is not null;
        if (kind == ChannelKind.Webhook && string.IsNullOrEmpty(body.Secret) && !hasSecret)
        {
            throw new RequestValidationException("secret", "A webhook channel signs its requests: give it a secret.");
        }
        var channel = new ChannelConfig(id, kind, url, string.IsNullOrEmpty(body.Secret) ? null : body.Secret, events,
            body.Settings ?? new Dictionary<string, string>());
        await store.PutChannelAsync(Tenancy.Of(context), channel);
        return TypedResults.Ok(ChannelResponse.From((await store.ChannelAsync(Tenancy.Of(context), id))!.Value));
    }

    public static async Task<Ok<ItemsResponse<ChannelResponse>>> ListChannelsAsync(HttpContext context, IServiceProvider services) =>
        TypedResults.Ok(new ItemsResponse<ChannelResponse>((await Store(services).ChannelsAsync(Tenancy.Of(context))).Select(ChannelResponse.From).ToList()));

    public static async Task<NoContent> DeleteChannelAsync(string name, HttpContext context, IServiceProvider services) =>
        await Store(services).DeleteChannelAsync(Tenancy.Of(context), RequestCheck.ValidId("name", name))
            ? TypedResults.NoContent()
            : throw new NotFoundException($"Notification channel {name} does not exist.");

    public static async Task<Ok<PageResponse<NotificationResponse>>> ListAsync(
        HttpContext context, IServiceProvider services, string? status, string? channel, int? page, int? pageSize)
    {
        var check = new RequestCheck();
        if (status is not null && !OutboxStatus.All.Contains(status))
        {
            check.Add("status", $"status must be one of {string.Join(", ", OutboxStatus.All)}.");
        }
        if (channel is not null)
        {
            check.Id("channel", channel);
        }
        int pageNumber = page ?? 1;
        int size = pageSize ?? 50;
        check.Range("page", pageNumber, 1, int.MaxValue);
        check.Range("pageSize", size, 1, 200);
        check.ThrowIfAny();
        (IReadOnlyList<OutboxRow> items, long total) = await Store(services).ListAsync(Tenancy.Of(context), status, channel, pageNumber, size);
        return TypedResults.Ok(new PageResponse<NotificationResponse>(items.Select(NotificationResponse.From).ToList(), pageNumber, size, total));
    }

    public static async Task<Ok<IReadOnlyDictionary<string, long>>> CountsAsync(HttpContext context, IServiceProvider services) =>
        TypedResults.Ok(await Store(services).CountsAsync(Tenancy.Of(context)));

    public static async Task<Ok<NotificationResponse>> RetryAsync(long notificationId, HttpContext context, IServiceProvider services)
    {
        NotificationStore store = Store(services);
        string tenant = Tenancy.Of(context);
        if (await store.RetryAsync(tenant, notificationId) is { } retried)
        {
            return TypedResults.Ok(NotificationResponse.From(retried));
        }
        OutboxRow row = await store.GetAsync(tenant, notificationId) ?? throw new NotFoundException($"Notification {notificationId} does not exist.");
        throw new IllegalTransitionException($"Notification {notificationId}", row.Status, "send it again (only a failed one is sent again)");
    }

    private static NotificationStore Store(IServiceProvider services) => services.GetService<NotificationStore>() ?? throw new ProjectionUnavailableException();

    /// <summary>A robot's address without its token: query values and long path segments are hidden.</summary>
    public static string MaskUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return "***";
        }
        string path = LongSegment().Replace(uri.AbsolutePath, "/***");
        string query = uri.Query.Length == 0 ? "" : "?" + string.Join("&", uri.Query.TrimStart('?').Split('&').Select(p => $"{p.Split('=')[0]}=***"));
        return $"{uri.Scheme}://{uri.Authority}{path}{query}";
    }

    [GeneratedRegex("/[A-Za-z0-9_-]{16,}")]
    private static partial Regex LongSegment();
}

public sealed record ChannelRequest(string? Kind, string? Url, string? Secret, IReadOnlyList<string>? Events, IReadOnlyDictionary<string, string>? Settings);

/// <summary>A channel as the API shows it: never its secret, its address without the token, credentials masked.</summary>
public sealed record ChannelResponse(
    string Name, string Kind, string Url, bool SecretSet, IReadOnlyList<string> Events, IReadOnlyDictionary<string, string> Settings, DateTimeOffset UpdatedAt)
{
    public static ChannelResponse From((ChannelConfig Channel, DateTimeOffset UpdatedAt) c) => new(
        c.Channel.Name, c.Channel.Kind.ToString().ToLowerInvariant(), NotificationsApi.MaskUrl(c.Channel.Url), c.Channel.Secret is not null,
        c.Channel.Events,
        (c.Channel.Settings ?? new Dictionary<string, string>()).ToDictionary(s => s.Key,
            s => s.Key.Contains("key", StringComparison.OrdinalIgnoreCase) || s.Key.Contains("secret", StringComparison.OrdinalIgnoreCase) ? "***" : s.Value),
        c.UpdatedAt);
}

public sealed record NotificationResponse(
    long NotificationId, string Channel, string EventKind, string Subject, string Status, int Attempts, string? LastError,
    DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, string? Recipient)
{
    public static NotificationResponse From(OutboxRow r) => new(
        r.Id, r.Channel, r.EventKind, r.Subject, r.Status, r.Attempts, r.LastError, r.Status == OutboxStatus.Pending ? r.NextAttemptAt : null,
        r.CreatedAt, r.DeliveredAt, r.Recipient is null ? null : Masking.Phone(r.Recipient));
}
