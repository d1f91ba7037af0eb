using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Allocation;

/// <summary>Rejects snapshots the policy cannot reason about; these are caller bugs, not unroutable orders.</summary>
internal static class AllocationInput
{
    public static void Validate(AllocationRequest request, IReadOnlyCollection<WarehouseCandidate> warehouses)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(warehouses);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.OrderId, nameof(request));
        ArgumentNullException.ThrowIfNull(request.ExcludedWarehouses, nameof(request));
        if (!IsOnEarth(request.Destination))
        {
            throw new ArgumentException($"Order {request.OrderId} has no valid destination coordinates.", nameof(request));
        }
        if (request.Lines is null || request.Lines.Count == 0)
        {
            throw new ArgumentException($"Order {request.OrderId} has no lines to allocate.", nameof(request));
        }
        foreach (AllocationLine line in request.Lines)
        {
            if (string.IsNullOrWhiteSpace(line?.MasterSku) || line.Quantity <= 0)
            {
                throw new ArgumentException($"Order {request.OrderId} has a line without a SKU or with a quantity below one.", nameof(request));
            }
        }
        if (request.Lines.Select(line => line.MasterSku).Distinct(StringComparer.Ordinal).Count() != request.Lines.Count)
        {
            throw new ArgumentException($"Order {request.OrderId} names a SKU on more than one line; merge them first.", nameof(request));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (WarehouseCandidate warehouse in warehouses)
        {
            if (warehouse is null || string.IsNullOrWhiteSpace(warehouse.Id) || warehouse.Stock is null)
            {
                throw new ArgumentException("Every warehouse needs an id and a stock map.", nameof(warehouses));
            }
            if (!IsOnEarth(warehouse.Location))
            {
                throw new ArgumentException($"Warehouse {warehouse.Id} has no valid coordinates.", nameof(warehouses));
            }
            if (!ids.Add(warehouse.Id))
            {
                throw new ArgumentException($"Warehouse {warehouse.Id} appears twice.", nameof(warehouses));
            }
            if (warehouse.Stock.Values.Any(stock => stock.OnHand < 0 || stock.Reserved < 0 || stock.SafetyStock < 0))
            {
                throw new ArgumentException($"Warehouse {warehouse.Id} has a negative stock count.", nameof(warehouses));
            }
        }
    }

    // Not-a-number from a failed geocode would sort unpredictably and poison every distance comparison.
    private static bool IsOnEarth(GeoPoint point) =>
        point.Latitude is >= -90 and <= 90 && point.Longitude is >= -180 and <= 180;
}
