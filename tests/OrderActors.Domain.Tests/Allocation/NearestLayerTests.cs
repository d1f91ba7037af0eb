using OrderActors.Domain.Allocation;
using OrderActors.Domain.Tests.Support;
using static OrderActors.Domain.Tests.Support.AllocationRequestBuilder;
using static OrderActors.Domain.Tests.Support.AllocationScenario;
using static OrderActors.Domain.Tests.Support.AllocationWarehouseBuilder;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class NearestLayerTests
{
    // Nanjing holds by far the deepest stock, so a Standard order would go there were it inside the fence.
    private static readonly AllocationWarehouseBuilder[] FourWarehouses =
    [
        Warehouse("WH-NJ").At(AllocationPlaces.Nanjing).Stocking("TEA-01", 1000),
        Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 30),
        Warehouse("WH-SX").At(AllocationPlaces.Shaoxing).Stocking("TEA-01", 10),
        Warehouse("WH-SZ").At(AllocationPlaces.Suzhou).Stocking("TEA-01", 20),
    ];

    [Fact]
    public void OnlyTheNearestThreeWarehousesAreConsideredWhenTheyCanFillTheOrder()
    {
        AllocationDecision decision = Allocate(Order().To(AllocationPlaces.Hangzhou).WithLine("TEA-01", 5), FourWarehouses);

        Assert.Equal(["WH-SH"], decision.Warehouses());
        Assert.Equal(
            ["nearest 3 (地理围栏): WH-SX 49.0 km, WH-SZ 121.1 km, WH-SH 164.9 km", "outside the fence: WH-NJ 236.9 km"],
            decision.Said(AllocationLayer.Nearest));
    }

    [Fact]
    public void TheFenceSizeComesFromTheRules()
    {
        AllocationDecision decision = Allocate(Order().To(AllocationPlaces.Hangzhou).WithLine("TEA-01", 5), FourWarehouses,
            AllocationRules.Default with { NearestCount = 4 });

        Assert.Equal(["WH-NJ"], decision.Warehouses());
    }

    [Fact]
    public void WhenTheNearestThreeCannotFillTheOrderTheSearchWidensToEveryCandidate()
    {
        AllocationDecision decision = Allocate(Order().To(AllocationPlaces.Hangzhou).WithLine("TEA-01", 500), FourWarehouses);

        Assert.Equal(["WH-NJ"], decision.Warehouses());
        Assert.Equal(["the nearest 3 cannot fill the order: widening to all 4 candidates (扩大范围)"], decision.Said(AllocationLayer.Widening));
    }

    [Fact]
    public void ASplitWithinTheFenceIsPreferredToASingleWarehouseOutsideIt()
    {
        AllocationDecision decision = Allocate(Order().To(AllocationPlaces.Hangzhou).WithLine("TEA-01", 40), FourWarehouses);

        Assert.Equal(["WH-SH", "WH-SX"], decision.Warehouses());
        Assert.Empty(decision.Said(AllocationLayer.Widening));
    }

    [Fact]
    public void WideningBeyondTheFenceStillSplitsWhenNoSingleWarehouseCanFill()
    {
        AllocationDecision decision = Allocate(Order().To(AllocationPlaces.Hangzhou).WithLine("TEA-01", 1010), FourWarehouses);

        Assert.Equal(["WH-NJ", "WH-SX"], decision.Warehouses());
        Assert.Equal(1000, decision.Shipped("WH-NJ", "TEA-01"));
        Assert.Equal(10, decision.Shipped("WH-SX", "TEA-01"));
    }
}
