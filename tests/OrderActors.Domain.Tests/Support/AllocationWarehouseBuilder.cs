using OrderActors.Abstractions.Common;
using OrderActors.Domain.Allocation;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Domain.Tests.Support;

/// <summary>Builds warehouse snapshots for allocation tests: a closed, ambient warehouse in Hangzhou with no stock unless told.</summary>
internal sealed class AllocationWarehouseBuilder
{
    private readonly string _id;
    private readonly Dictionary<string, SkuStock> _stock = new(StringComparer.Ordinal);
    private GeoPoint _location = AllocationPlaces.Hangzhou;
    private bool _coldChain;
    private BreakerState _breaker = BreakerState.Closed;

    private AllocationWarehouseBuilder(string id) => _id = id;

    public static AllocationWarehouseBuilder Warehouse(string id) => new(id);

    public AllocationWarehouseBuilder At(GeoPoint location)
    {
        _location = location;
        return this;
    }

    public AllocationWarehouseBuilder ColdChain()
    {
        _coldChain = true;
        return this;
    }

    public AllocationWarehouseBuilder WithBreaker(BreakerState breaker)
    {
        _breaker = breaker;
        return this;
    }

    public AllocationWarehouseBuilder Stocking(string masterSku, int onHand, int reserved = 0, int safetyStock = 0)
    {
        _stock[masterSku] = new SkuStock(onHand, reserved, safetyStock);
        return this;
    }

    public WarehouseCandidate Build() => new(_id, _location, _coldChain, _breaker, new Dictionary<string, SkuStock>(_stock));
}
