using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Allocation;
using OrderActors.Domain.Tests.Support;
using static OrderActors.Domain.Tests.Support.AllocationRequestBuilder;
using static OrderActors.Domain.Tests.Support.AllocationScenario;
using static OrderActors.Domain.Tests.Support.AllocationWarehouseBuilder;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class CandidateLayerTests
{
    [Fact]
    public void AWarehouseWithAnOpenBreakerIsNeverChosen()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 100).WithBreaker(BreakerState.Open),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 10),
        ]);

        Assert.Equal(["WH-SH"], decision.Warehouses());
        Assert.Contains("skipped WH-HZ: breaker Open (熔断)", decision.Said(AllocationLayer.Candidates));
    }

    [Fact]
    public void AHalfOpenWarehouseIsSkippedUnderTheDefaultRules()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 100).WithBreaker(BreakerState.HalfOpen),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 10),
        ]);

        Assert.Equal(["WH-SH"], decision.Warehouses());
    }

    [Fact]
    public void AHalfOpenWarehouseTakesOrdersWhenTheRulesAllowIt()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 100).WithBreaker(BreakerState.HalfOpen),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 10),
        ], AllocationRules.Default with { AllowHalfOpenWarehouses = true });

        Assert.Equal(["WH-HZ"], decision.Warehouses());
    }

    [Fact]
    public void AnExcludedWarehouseIsNeverChosenEvenWhenItIsNearestAndDeepest()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2).Excluding("WH-HZ"),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 100),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 10),
        ]);

        Assert.Equal(["WH-SH"], decision.Warehouses());
        Assert.Contains("skipped WH-HZ: excluded by the request (排除)", decision.Said(AllocationLayer.Candidates));
    }

    [Fact]
    public void AColdChainSkuNeverShipsFromANonColdChainWarehouseEvenWhenItHoldsStock()
    {
        AllocationDecision decision = Allocate(Order().WithColdChainLine("MILK-01", 4),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("MILK-01", 100),
            Warehouse("WH-SH-COLD").At(AllocationPlaces.Shanghai).ColdChain().Stocking("MILK-01", 10),
        ]);

        Assert.Equal(["WH-SH-COLD"], decision.Warehouses());
    }

    [Fact]
    public void ColdAndAmbientLinesSplitWhenTheAmbientSkuIsOnlyInAnAmbientWarehouse()
    {
        AllocationDecision decision = Allocate(Order().WithColdChainLine("MILK-01", 1).WithLine("TEA-01", 1),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("MILK-01", 50).Stocking("TEA-01", 50),
            Warehouse("WH-SH-COLD").At(AllocationPlaces.Shanghai).ColdChain().Stocking("MILK-01", 50),
        ]);

        Assert.Equal(1, decision.Shipped("WH-SH-COLD", "MILK-01"));
        Assert.Equal(1, decision.Shipped("WH-HZ", "TEA-01"));
        Assert.Equal(0, decision.Shipped("WH-HZ", "MILK-01"));
        Assert.Contains(decision.Said(AllocationLayer.Candidates), text => text.StartsWith("WH-HZ is not cold-chain", StringComparison.Ordinal));
    }

    [Fact]
    public void AColdChainSkuWithNoColdChainWarehouseIsUnroutableForLackOfStock()
    {
        AllocationDecision decision = Allocate(Order().WithColdChainLine("MILK-01", 1),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("MILK-01", 50),
        ]);

        Assert.False(decision.IsAllocated);
        Assert.Equal(UnroutableReason.InsufficientStock, decision.Failure!.Reason);
    }

    [Fact]
    public void MeituanOrdersGoOnlyToColdChainWarehousesEvenForAmbientGoods()
    {
        AllocationDecision decision = Allocate(Order().From(Channel.Meituan).WithLine("TEA-01", 1),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 100),
            Warehouse("WH-SH-COLD").At(AllocationPlaces.Shanghai).ColdChain().Stocking("TEA-01", 10),
        ]);

        Assert.Equal(["WH-SH-COLD"], decision.Warehouses());
        Assert.Equal(ServiceTier.Express, decision.Tier);
        Assert.Contains(decision.Said(AllocationLayer.Candidates),
            text => text.StartsWith("skipped WH-HZ: not cold-chain, and Meituan orders", StringComparison.Ordinal));
    }

    [Fact]
    public void OtherChannelsMayShipAmbientGoodsFromAmbientWarehouses()
    {
        AllocationDecision decision = Allocate(Order().From(Channel.Douyin).WithLine("TEA-01", 1),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 100),
            Warehouse("WH-SH-COLD").At(AllocationPlaces.Shanghai).ColdChain().Stocking("TEA-01", 10),
        ]);

        Assert.Equal(["WH-HZ"], decision.Warehouses());
        Assert.Equal(ServiceTier.Standard, decision.Tier);
    }

    [Fact]
    public void SellableStockLeavesOutReservedUnitsAndSafetyStock()
    {
        AllocationWarehouseBuilder[] warehouses =
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 10, reserved: 3, safetyStock: 2),
        ];

        AllocationDecision fits = Allocate(Order().WithLine("TEA-01", 5), warehouses);
        AllocationDecision tooMany = Allocate(Order().WithLine("TEA-01", 6), warehouses);

        Assert.True(fits.IsAllocated);
        Assert.False(tooMany.IsAllocated);
        Assert.Equal("not enough stock across eligible warehouses (库存不足): TEA-01 needs 6, 5 sellable", tooMany.Failure!.Detail);
    }

    [Fact]
    public void SellableStockIsNeverBelowZero()
    {
        Assert.Equal(0, new SkuStock(OnHand: 5, Reserved: 4, SafetyStock: 3).Sellable);
        Assert.Equal(0, new SkuStock(OnHand: 0, Reserved: int.MaxValue, SafetyStock: int.MaxValue).Sellable);
    }

    [Fact]
    public void AWarehouseWithNoSellableStockOfAnyLineIsNotACandidate()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 1),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", onHand: 10, reserved: 5, safetyStock: 5).Stocking("CUP-01", 100),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 1),
        ]);

        Assert.Equal(["WH-SH"], decision.Warehouses());
        Assert.Contains("skipped WH-HZ: no sellable stock of the order's SKUs (无可售库存)", decision.Said(AllocationLayer.Candidates));
        Assert.Contains("candidates (候选仓): WH-SH", decision.Said(AllocationLayer.Candidates));
    }
}
