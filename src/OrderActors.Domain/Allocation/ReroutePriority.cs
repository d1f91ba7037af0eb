using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Allocation;

/// <summary>An order waiting to be rerouted off a broken warehouse.</summary>
/// <param name="WaitingSince">When the order became ready to ship (paid), the clock its delivery promise runs on.</param>
public sealed record RerouteOrder(string OrderId, Channel Channel, DateTimeOffset WaitingSince);

/// <summary>The order in which to reroute a broken warehouse's orders (熔断改派): Express tier first, then oldest first.</summary>
/// <remarks>Stock freed by the breaker goes to whoever reserves first, so the orders with the tightest promise go first.</remarks>
public static class ReroutePriority
{
    /// <summary>The orders sorted for rerouting; the order id breaks exact ties so the result is stable across runs.</summary>
    public static IReadOnlyList<RerouteOrder> Sort(IEnumerable<RerouteOrder> orders, AllocationRules rules)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(rules);
        return orders
            .OrderBy(order => rules.RuleFor(order.Channel).Tier == ServiceTier.Express ? 0 : 1)
            .ThenBy(order => order.WaitingSince)
            .ThenBy(order => order.OrderId, StringComparer.Ordinal)
            .ToArray();
    }
}
