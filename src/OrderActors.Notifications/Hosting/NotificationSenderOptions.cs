namespace OrderActors.Notifications;

/// <summary>
/// The in-request resilience of the senders' HTTP clients: a few quick retries with exponential backoff and jitter,
/// each attempt under its own timeout, all under a total one. Long retries between delivery attempts are the
/// outbox's (<see cref="RetrySchedule"/>), so these stay short.
/// </summary>
public sealed class NotificationSenderOptions
{
    /// <summary>Retries after the first attempt for robots and webhooks (5xx, 408, timeouts, network errors); 0 turns them off.</summary>
    public int InRequestRetries { get; set; } = 2;

    /// <summary>Retries for SMS, only for failures that cannot have reached the provider (connection errors, 503).</summary>
    public int SmsInRequestRetries { get; set; } = 1;

    /// <summary>The first retry's median delay; each next one doubles, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a send may take with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
