namespace OrderActors.Domain.Allocation;

/// <summary>A warehouse seen from one order: how far it is and how much of each line it could ship.</summary>
internal sealed record Site(WarehouseCandidate Warehouse, double DistanceKm, IReadOnlyDictionary<string, int> Usable)
{
    public string Id => Warehouse.Id;

    /// <summary>Stock depth (库存深度): the units of the order's SKUs this warehouse could ship, summed.</summary>
    public long Depth => Usable.Values.Sum(quantity => (long)quantity);

    public int UsableOf(string masterSku) => Usable.GetValueOrDefault(masterSku);

    public static Site Of(WarehouseCandidate warehouse, AllocationRequest request)
    {
        var usable = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (AllocationLine line in request.Lines)
        {
            usable[line.MasterSku] = MayShip(warehouse, line) ? warehouse.StockOf(line.MasterSku).Sellable : 0;
        }
        return new Site(warehouse, GeoMath.DistanceKm(request.Destination, warehouse.Location), usable);
    }

    /// <summary>Cold-chain goods (冷链商品) ship only from cold-chain warehouses; everything else ships from anywhere.</summary>
    public static bool MayShip(WarehouseCandidate warehouse, AllocationLine line) => !line.IsColdChain || warehouse.IsColdChain;
}
