using OrderActors.Domain.Allocation;
using OrderActors.Domain.Tests.Support;
using static OrderActors.Domain.Tests.Support.AllocationRequestBuilder;
using static OrderActors.Domain.Tests.Support.AllocationScenario;
using static OrderActors.Domain.Tests.Support.AllocationWarehouseBuilder;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class ParcelPlannerTests
{
    [Fact]
    public void OneWarehouseThatFillsEveryLineBeatsANearerSplit()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 1).WithLine("CUP-01", 1),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 900),
            Warehouse("WH-SX").At(AllocationPlaces.Shaoxing).Stocking("CUP-01", 900),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 5).Stocking("CUP-01", 5),
        ]);

        Assert.Equal(["WH-SH"], decision.Warehouses());
        Assert.False(decision.IsSplit);
        Assert.Equal(["single warehouse WH-SH fills every line (单仓发货)"], decision.Said(AllocationLayer.Choice));
    }

    [Fact]
    public void WhenNoWarehouseFillsTheOrderItSplitsIntoTheFewestParcels()
    {
        // Taking warehouses in rank order would use all three; WH-SH and WH-SZ together are enough.
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 1).WithLine("CUP-01", 1).WithLine("LID-01", 1),
        [
            Warehouse("WH-SX").At(AllocationPlaces.Shaoxing).Stocking("TEA-01", 900),
            Warehouse("WH-SZ").At(AllocationPlaces.Suzhou).Stocking("CUP-01", 1),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 1).Stocking("LID-01", 800),
        ]);

        Assert.True(decision.IsSplit);
        Assert.Equal(["WH-SH", "WH-SZ"], decision.Warehouses());
        Assert.Equal(1, decision.Shipped("WH-SH", "TEA-01"));
        Assert.Equal(1, decision.Shipped("WH-SH", "LID-01"));
        Assert.Equal(1, decision.Shipped("WH-SZ", "CUP-01"));
        Assert.Contains("split into 2 parcels (拆单), the fewest possible: WH-SH TEA-01×1, LID-01×1; WH-SZ CUP-01×1",
            decision.Said(AllocationLayer.Choice));
    }

    [Fact]
    public void AmongSplitsOfTheSameSizeTheOneWhoseFarthestParcelIsNearestWins()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 1).WithLine("CUP-01", 1),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 10),
            Warehouse("WH-SX").At(AllocationPlaces.Shaoxing).Stocking("CUP-01", 10),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("CUP-01", 900),
        ]);

        Assert.Equal(["WH-HZ", "WH-SX"], decision.Warehouses().Order().ToArray());
    }

    [Fact]
    public void ALineIsSplitBetweenWarehousesWhenNoneHoldsAllOfIt()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 10),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 6),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 4),
        ]);

        Assert.Equal(6, decision.Shipped("WH-HZ", "TEA-01"));
        Assert.Equal(4, decision.Shipped("WH-SH", "TEA-01"));
    }

    [Fact]
    public void AnOrderThatNeedsMoreParcelsThanTheRulesAllowIsUnroutable()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 1).WithLine("CUP-01", 1).WithLine("LID-01", 1),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 9),
            Warehouse("WH-SX").At(AllocationPlaces.Shaoxing).Stocking("CUP-01", 9),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("LID-01", 9),
        ], AllocationRules.Default with { MaxParcels = 2 });

        Assert.False(decision.IsAllocated);
        Assert.Empty(decision.Parcels);
        Assert.Equal(UnroutableReason.TooManyParcels, decision.Failure!.Reason);
        Assert.Equal("the stock exists but is spread over more than 2 warehouses (拆单上限)", decision.Failure.Detail);
    }

    [Fact]
    public void OneParcelAtMostMeansNoSplitting()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 10),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 6),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 4),
        ], AllocationRules.Default with { MaxParcels = 1 });

        Assert.Equal(UnroutableReason.TooManyParcels, decision.Failure!.Reason);
    }
}
