namespace OrderActors.Notifications;

/// <summary>The names of the HTTP clients <see cref="NotificationServiceCollectionExtensions.AddNotificationSenders"/> registers.</summary>
public static class NotificationHttpClients
{
    /// <summary>Robots and webhooks: quick in-request retries for transient failures.</summary>
    public const string Robots = "OrderActors.Notifications";

    /// <summary>SMS providers: SendSms is not idempotent, so only what cannot have reached the provider is retried.</summary>
    public const string Sms = "OrderActors.Notifications.Sms";
}
