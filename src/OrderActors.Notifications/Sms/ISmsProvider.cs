namespace OrderActors.Notifications;

/// <summary>
/// One SMS provider's HTTP API. The provider reads its endpoint (<see cref="ChannelConfig.Url"/>), credentials
/// (<see cref="ChannelConfig.Secret"/> and <see cref="ChannelSettings.AccessKeyId"/>) and region from the channel.
/// </summary>
public interface ISmsProvider
{
    /// <summary>The name a channel's <see cref="ChannelSettings.Provider"/> setting picks it by, e.g. <c>aliyun</c>.</summary>
    string Name { get; }

    /// <summary>Submits one message; <see cref="DeliveryResult.Delivered"/> means the provider accepted it.</summary>
    Task<DeliveryResult> SendAsync(ChannelConfig channel, SmsMessage message, CancellationToken ct);
}

/// <summary>
/// An SMS ready for a provider. Providers whose templates live on their side (Aliyun, Tencent) send
/// <see cref="TemplateCode"/> and <see cref="TemplateParameters"/>; <see cref="Text"/> is the same message rendered
/// here, 【sign】 first, for providers that take free text and for previews. <see cref="OutId"/> is the caller's id
/// for the message (the hub event's id).
/// </summary>
public sealed record SmsMessage(
    string EventKind,
    string PhoneNumber,
    string SignName,
    string? TemplateCode,
    IReadOnlyDictionary<string, string> TemplateParameters,
    string Text,
    string? OutId)
{
    /// <summary>Keeps the phone number out of anything that prints the record.</summary>
    public override string ToString() => $"SMS {EventKind} to {Redaction.MaskPhone(PhoneNumber)}";
}
