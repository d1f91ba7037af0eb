using Orleans;

namespace OrderActors.Abstractions.Stock;

/// <summary>The invariant audit's verdict: stock never negative, never oversold, reserved = live reservations held by orders.</summary>
[GenerateSerializer, Alias("oa.AuditReport")]
public sealed record AuditReport(
    bool Ok, int CheckedBuckets, int CheckedOrders, int Oversold, int NegativeStock, IReadOnlyList<AuditViolation> Violations, DateTimeOffset At);

/// <summary>One broken invariant: what kind, about what, and the numbers.</summary>
[GenerateSerializer, Immutable, Alias("oa.AuditViolation")]
public sealed record AuditViolation(string Kind, string Subject, string Detail);
