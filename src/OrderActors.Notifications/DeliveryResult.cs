namespace OrderActors.Notifications;

/// <summary>
/// How one delivery attempt ended. <see cref="Retryable"/> tells the outbox whether to try again later (5xx, 429,
/// timeouts, network errors, a platform's rate-limit code) or to dead-letter at once (other 4xx, other platform
/// error codes, a channel that is not configured right). <see cref="Error"/> never holds a secret.
/// </summary>
public sealed record DeliveryResult(bool Delivered, bool Retryable, int? HttpStatus, string? Error)
{
    /// <summary>Accepted by the platform.</summary>
    public static DeliveryResult Ok(int httpStatus) => new(true, false, httpStatus, null);

    /// <summary>Worth another attempt later.</summary>
    public static DeliveryResult Transient(int? httpStatus, string error) => new(false, true, httpStatus, error);

    /// <summary>Will fail the same way again: dead-letter.</summary>
    public static DeliveryResult Permanent(int? httpStatus, string error) => new(false, false, httpStatus, error);
}
