namespace OrderActors.Cli.Http;

// The notification outbox's routes as the CLI reads them. Statuses and kinds stay
// strings: on the wire they are lowercase (pending, wecom), and a newer server may send one this CLI does not know.
// No record here holds a secret: the server never returns one.

/// <summary>PUT /api/v1/notification-channels/{name}, and each row of GET /api/v1/notification-channels.</summary>
/// <param name="Url">As the server masks it: query values and path tokens are <c>***</c>.</param>
/// <param name="SecretSet">Whether the channel has a secret; the secret itself is never sent back.</param>
/// <param name="Settings">The channel's settings, credentials masked.</param>
public sealed record NotificationChannel(
    string Name, string Kind, string Url, bool SecretSet, IReadOnlyList<string> Events, IReadOnlyDictionary<string, string>? Settings,
    DateTimeOffset? UpdatedAt);

/// <summary>GET /api/v1/notification-channels.</summary>
public sealed record NotificationChannelList(IReadOnlyList<NotificationChannel> Items);

/// <summary>One notification of the outbox: a row of GET /api/v1/notifications, and the answer to a retry.</summary>
/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>failed</c> (the dead letter).</param>
/// <param name="Recipient">The buyer's phone for SMS, masked; null for a group robot or a webhook.</param>
public sealed record OutboxNotification(
    long NotificationId, string Channel, string EventKind, string? Subject, string Status, int Attempts, string? LastError,
    DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, string? Recipient);

/// <summary>GET /api/v1/notifications: one page, newest first.</summary>
public sealed record NotificationPage(IReadOnlyList<OutboxNotification> Items, int Page, int PageSize, long Total);

/// <summary>GET /api/v1/notifications/counts.</summary>
public sealed record NotificationCounts(long Pending, long Delivered, long Failed);
