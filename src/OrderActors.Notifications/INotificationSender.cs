namespace OrderActors.Notifications;

/// <summary>Delivers one notification to one channel, once; the outbox owns retries between attempts.</summary>
public interface INotificationSender
{
    /// <summary>Renders <paramref name="notification"/> for <paramref name="channel"/> and sends it.</summary>
    Task<DeliveryResult> SendAsync(ChannelConfig channel, Notification notification, CancellationToken ct);
}

/// <summary>The sender for one <see cref="ChannelKind"/>; <see cref="NotificationSenders"/> picks among them.</summary>
public interface IChannelSender : INotificationSender
{
    /// <summary>The kind of channel this sender speaks to.</summary>
    ChannelKind Kind { get; }
}
