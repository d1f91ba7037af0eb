using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;

namespace OrderActors.Domain.Allocation;

/// <summary>What the allocation policy needs to know about one order: where it goes and what it holds.</summary>
/// <param name="Destination">
/// The delivery point: the address coordinates, or the district centroid when the platform gave none.
/// </param>
/// <param name="Lines">One line per master SKU; callers merge duplicate SKUs before asking.</param>
/// <param name="ExcludedWarehouses">Warehouses that must not be chosen, such as the one an order is being rerouted away from.</param>
public sealed record AllocationRequest(
    string OrderId,
    Channel Channel,
    GeoPoint Destination,
    IReadOnlyList<AllocationLine> Lines,
    IReadOnlySet<string> ExcludedWarehouses)
{
    /// <summary>A request that excludes no warehouse.</summary>
    public AllocationRequest(string orderId, Channel channel, GeoPoint destination, IReadOnlyList<AllocationLine> lines)
        : this(orderId, channel, destination, lines, new HashSet<string>(StringComparer.Ordinal))
    {
    }
}

/// <summary>One order line in master-SKU terms.</summary>
/// <param name="IsColdChain">冷链商品: may only ship from a cold-chain warehouse.</param>
public sealed record AllocationLine(string MasterSku, int Quantity, bool IsColdChain = false);
