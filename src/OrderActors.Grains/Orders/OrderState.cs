using OrderActors.Abstractions.Orders;

namespace OrderActors.Grains.Orders;

/// <summary>The order grain's durable state: the order, an allocation in flight, and the next reservation attempt number.</summary>
public sealed record OrderState
{
    public OrderRecord? Order { get; init; }

    public PendingReservation? Pending { get; init; }

    public int NextAttempt { get; init; } = 1;
}
