namespace OrderActors.Notifications;

/// <summary>The <see cref="INotificationSender"/> the outbox calls: hands each channel to the sender of its kind.</summary>
public sealed class NotificationSenders : INotificationSender
{
    private readonly IReadOnlyDictionary<ChannelKind, IChannelSender> _senders;

    public NotificationSenders(IEnumerable<IChannelSender> senders)
    {
        _senders = senders.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(ChannelConfig channel, Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(notification);
        return _senders.TryGetValue(channel.Kind, out IChannelSender? sender)
            ? sender.SendAsync(channel, notification, ct)
            : Task.FromResult(DeliveryResult.Permanent(null, $"no sender for {channel.Kind} channels"));
    }
}
