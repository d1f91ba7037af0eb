namespace OrderActors.LoadTest.Engine;

/// <summary>How a system under test answered one request.</summary>
public enum OutcomeKind
{
    /// <summary>Done: a new order recorded (202, duplicate false) or a message applied (200).</summary>
    Accepted,
    /// <summary>The order was already known (202 with duplicate: true).</summary>
    Duplicate,
    /// <summary>Not allowed in the order's current status (409); the system said no on purpose.</summary>
    Conflict,
    /// <summary>Refused as malformed or unknown (other 4xx): a defect of the traffic or of the system.</summary>
    Rejected,
    /// <summary>
    /// Refused by the hub's rate limit (429), nothing applied: the limit the deployment set, not a defect. Counted
    /// apart and never retried, so the figures show how much of the traffic the limit turned away.
    /// </summary>
    RateLimited,
    /// <summary>No usable answer: 5xx, a dropped connection or a timeout.</summary>
    Failed,
}

/// <summary>
/// The answer to one request: its kind, the HTTP status where there is one, the order id and status the system
/// reported, and a short reason for anything but success.
/// </summary>
public sealed record TargetOutcome(OutcomeKind Kind, int? StatusCode = null, string? OrderId = null, string? Status = null, string? Detail = null)
{
    /// <summary>True when the system took a position on the request (accepted, duplicate or a deliberate conflict).</summary>
    public bool Answered => Kind is OutcomeKind.Accepted or OutcomeKind.Duplicate or OutcomeKind.Conflict;

    public static TargetOutcome Failure(string detail) => new(OutcomeKind.Failed, Detail: detail);
}
