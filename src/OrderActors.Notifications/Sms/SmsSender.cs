using Microsoft.Extensions.Logging;

namespace OrderActors.Notifications;

/// <summary>
/// SMS channels: finds the phone number (the notification's recipient, else the field named by
/// <see cref="ChannelSettings.PhoneField"/>), renders the text and template variables, and hands them to the
/// channel's provider. Logs show the number masked (138****5678).
/// </summary>
internal sealed class SmsSender(IEnumerable<ISmsProvider> providers, ILogger<SmsSender> logger) : IChannelSender
{
    public const string DefaultProvider = "aliyun";
    public const string DefaultPhoneField = "phone";

    private readonly IReadOnlyDictionary<string, ISmsProvider> _providers =
        providers.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public ChannelKind Kind => ChannelKind.Sms;

    public async Task<DeliveryResult> SendAsync(ChannelConfig channel, Notification notification, CancellationToken ct)
    {
        string providerName = channel.Setting(ChannelSettings.Provider) ?? DefaultProvider;
        if (!_providers.TryGetValue(providerName, out ISmsProvider? provider))
        {
            return ChannelChecks.Misconfigured(logger, channel, $"no SMS provider called {providerName}");
        }
        if (channel.Setting(ChannelSettings.SignName) is not { } signName)
        {
            return ChannelChecks.Misconfigured(logger, channel, "an SMS channel needs a signName (短信签名)");
        }
        string? phone = !string.IsNullOrWhiteSpace(notification.Recipient)
            ? notification.Recipient.Trim()
            : notification.Field(channel.Setting(ChannelSettings.PhoneField) ?? DefaultPhoneField)?.Trim();
        if (phone is null)
        {
            return DeliveryResult.Permanent(null, "the notification has no phone number to send the SMS to");
        }
        var message = new SmsMessage(
            notification.EventKind,
            phone,
            signName,
            channel.Setting(ChannelSettings.Template(notification.EventKind)),
            NotificationTemplates.SmsParameters(notification),
            NotificationTemplates.RenderSms(notification, signName),
            notification.EventId);
        DeliveryResult result = await provider.SendAsync(channel, message, ct).ConfigureAwait(false);
        result = result with { Error = result.Error is null ? null : Redaction.Scrub(result.Error, channel).Replace(phone, Redaction.MaskPhone(phone), StringComparison.Ordinal) };
        if (result.Delivered)
        {
            NotificationLog.SmsAccepted(logger, notification.EventKind, Redaction.MaskPhone(phone), provider.Name, channel.Name);
        }
        else
        {
            NotificationLog.SmsFailed(logger, notification.EventKind, Redaction.MaskPhone(phone), provider.Name, channel.Name, result.Retryable, result.Error);
        }
        return result;
    }
}
