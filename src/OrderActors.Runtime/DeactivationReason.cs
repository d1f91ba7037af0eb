namespace OrderActors.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>Idle longer than the collection age.</summary>
    ActivationIdle,
    /// <summary>The grain asked for it (DeactivateOnIdle).</summary>
    ApplicationRequested,
    /// <summary>A state write found a newer ETag: another activation wrote first.</summary>
    InconsistentState,
    /// <summary>Another silo owns the grain now (membership changed).</summary>
    OwnershipChanged,
    /// <summary>The silo is stopping.</summary>
    ShuttingDown,
}

/// <summary>Why an activation is being deactivated, with a human-readable description.</summary>
public sealed record DeactivationReason(DeactivationReasonCode Code, string Description);
