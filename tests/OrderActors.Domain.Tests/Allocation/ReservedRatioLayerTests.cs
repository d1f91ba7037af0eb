using OrderActors.Domain.Allocation;
using OrderActors.Domain.Tests.Support;
using static OrderActors.Domain.Tests.Support.AllocationRequestBuilder;
using static OrderActors.Domain.Tests.Support.AllocationScenario;
using static OrderActors.Domain.Tests.Support.AllocationWarehouseBuilder;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class ReservedRatioLayerTests
{
    [Fact]
    public void TheRatioIsReservedOverStockAboveSafetyStockSummedOverTheOrdersSkus()
    {
        WarehouseCandidate warehouse = Warehouse("WH-HZ")
            .Stocking("TEA-01", onHand: 100, reserved: 40, safetyStock: 20)
            .Stocking("CUP-01", onHand: 50, reserved: 50)
            .Stocking("NOT-ORDERED", onHand: 1000, reserved: 0)
            .Build();
        AllocationLine[] lines = [new("TEA-01", 1), new("CUP-01", 1)];

        double ratio = ReservedRatioLayer.RatioOf(warehouse, lines);

        Assert.Equal(90.0 / 130.0, ratio, precision: 12);
    }

    [Fact]
    public void ASkuBelowItsSafetyStockAddsNoCapacityRatherThanNegativeCapacity()
    {
        WarehouseCandidate warehouse = Warehouse("WH-HZ")
            .Stocking("TEA-01", onHand: 100, reserved: 50)
            .Stocking("CUP-01", onHand: 5, reserved: 0, safetyStock: 50)
            .Build();

        double ratio = ReservedRatioLayer.RatioOf(warehouse, [new("TEA-01", 1), new("CUP-01", 1)]);

        Assert.Equal(0.5, ratio, precision: 12);
    }

    [Fact]
    public void ColdChainSkusDoNotCountTowardsTheRatioOfAWarehouseThatCannotShipThem()
    {
        WarehouseCandidate warehouse = Warehouse("WH-HZ")
            .Stocking("TEA-01", onHand: 100, reserved: 10)
            .Stocking("MILK-01", onHand: 100, reserved: 100)
            .Build();

        double ratio = ReservedRatioLayer.RatioOf(warehouse, [new("TEA-01", 1), new("MILK-01", 1, IsColdChain: true)]);

        Assert.Equal(0.1, ratio, precision: 12);
    }

    [Fact]
    public void AWarehouseAboveTheLimitIsDroppedEvenWhenItHasTheDeepestStock()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 1000, reserved: 910),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", onHand: 20),
        ]);

        Assert.Equal(["WH-SH"], decision.Warehouses());
        Assert.Equal(
            ["dropped WH-HZ: reserved ratio 91% > 85% (预占率)", "within 85% reserved ratio (预占率): WH-SH 0%"],
            decision.Said(AllocationLayer.ReservedRatio));
    }

    [Fact]
    public void AWarehouseExactlyAtTheLimitIsKept()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 1000, reserved: 850),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", onHand: 20),
        ]);

        Assert.Equal(["WH-HZ"], decision.Warehouses());
    }

    [Fact]
    public void TheLimitComesFromTheRules()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 1000, reserved: 910),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", onHand: 20),
        ], AllocationRules.Default with { MaxReservedRatio = 0.95 });

        Assert.Equal(["WH-HZ"], decision.Warehouses());
    }

    [Fact]
    public void TheLimitIsRelaxedWhenTheWarehousesWithinItCannotFillTheOrder()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 50),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 1000, reserved: 910),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", onHand: 20),
        ]);

        Assert.Equal(["WH-HZ"], decision.Warehouses());
        Assert.Contains("relaxed (放宽预占率): the warehouses within 85% among the nearest 3 cannot fill the order; back in: WH-HZ",
            decision.Said(AllocationLayer.ReservedRatio));
    }

    [Fact]
    public void RelaxingIsALastResortAfterASplitAmongWarehousesWithinTheLimit()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 30),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 1000, reserved: 910),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", onHand: 20),
            Warehouse("WH-SZ").At(AllocationPlaces.Suzhou).Stocking("TEA-01", onHand: 20),
        ]);

        Assert.Equal(["WH-SH", "WH-SZ"], decision.Warehouses().Order().ToArray());
        Assert.DoesNotContain(decision.Said(AllocationLayer.ReservedRatio), text => text.StartsWith("relaxed", StringComparison.Ordinal));
    }

    [Fact]
    public void RelaxingInsideTheFenceComesBeforeWideningBeyondIt()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 50),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 1000, reserved: 910),
            Warehouse("WH-SX").At(AllocationPlaces.Shaoxing).Stocking("TEA-01", onHand: 1),
            Warehouse("WH-SZ").At(AllocationPlaces.Suzhou).Stocking("TEA-01", onHand: 1),
            Warehouse("WH-NJ").At(AllocationPlaces.Nanjing).Stocking("TEA-01", onHand: 500),
        ]);

        Assert.Equal(["WH-HZ"], decision.Warehouses());
        Assert.Empty(decision.Said(AllocationLayer.Widening));
    }

    [Fact]
    public void WithRelaxingForbiddenTheSearchWidensPastAHotWarehouse()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 50),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 1000, reserved: 910),
            Warehouse("WH-SX").At(AllocationPlaces.Shaoxing).Stocking("TEA-01", onHand: 1),
            Warehouse("WH-SZ").At(AllocationPlaces.Suzhou).Stocking("TEA-01", onHand: 1),
            Warehouse("WH-NJ").At(AllocationPlaces.Nanjing).Stocking("TEA-01", onHand: 500),
        ], AllocationRules.Default with { RelaxReservedRatioWhenUnfillable = false });

        Assert.Equal(["WH-NJ"], decision.Warehouses());
    }

    [Fact]
    public void WithRelaxingForbiddenAnOrderOnlyAHotWarehouseCanFillIsUnroutable()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 50),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 1000, reserved: 910),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", onHand: 20),
        ], AllocationRules.Default with { RelaxReservedRatioWhenUnfillable = false });

        Assert.False(decision.IsAllocated);
        Assert.Equal(UnroutableReason.ReservedRatioExceeded, decision.Failure!.Reason);
        Assert.Contains("the warehouses within 85% among the nearest 3 cannot fill the order and the rules forbid relaxing",
            decision.Said(AllocationLayer.ReservedRatio));
    }
}
