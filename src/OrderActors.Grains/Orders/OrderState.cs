using OrderActors.Abstractions.Orders;

namespace OrderActors.Grains.Orders;

/// <summary>
/// The order grain's durable state: the order, and the first reservation attempt number not yet used by
/// a finished allocation (reservations numbered from it on, if any, were left by an interrupted one).
/// </summary>
public sealed record OrderState
{
    public OrderRecord? Order { get; init; }

    public int NextAttempt { get; init; } = 1;
}
