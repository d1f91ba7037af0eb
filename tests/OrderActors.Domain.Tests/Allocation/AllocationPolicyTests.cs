using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Allocation;
using OrderActors.Domain.Tests.Support;
using static OrderActors.Domain.Tests.Support.AllocationRequestBuilder;
using static OrderActors.Domain.Tests.Support.AllocationScenario;
using static OrderActors.Domain.Tests.Support.AllocationWarehouseBuilder;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class AllocationPolicyTests
{
    [Fact]
    public void TheExplanationWalksThroughEveryLayerInOrder()
    {
        AllocationDecision decision = Allocate(Order("MT-88").From(Channel.Meituan).WithColdChainLine("MILK-01", 2),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).ColdChain().Stocking("MILK-01", onHand: 100, reserved: 95),
            Warehouse("WH-NB").At(AllocationPlaces.Hangzhou).Stocking("MILK-01", 100),
            Warehouse("WH-SX").At(AllocationPlaces.Shaoxing).ColdChain().WithBreaker(BreakerState.Open).Stocking("MILK-01", 100),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).ColdChain().Stocking("MILK-01", 40),
            Warehouse("WH-SZ").At(AllocationPlaces.Suzhou).ColdChain().Stocking("MILK-01", 30),
            Warehouse("WH-NJ").At(AllocationPlaces.Nanjing).ColdChain().Stocking("MILK-01", 900),
        ]);

        Assert.Equal(
        [
            "[Candidates] channel Meituan: Express tier (时效等级), cold-chain warehouses only (冷链专线仓)",
            "[Candidates] skipped WH-NB: not cold-chain, and Meituan orders go to cold-chain warehouses only (冷链专线仓)",
            "[Candidates] skipped WH-SX: breaker Open (熔断)",
            "[Candidates] candidates (候选仓): WH-HZ, WH-NJ, WH-SH, WH-SZ",
            "[Nearest] nearest 3 (地理围栏): WH-HZ 0.0 km, WH-SZ 121.1 km, WH-SH 164.9 km",
            "[Nearest] outside the fence: WH-NJ 236.9 km",
            "[ReservedRatio] dropped WH-HZ: reserved ratio 95% > 85% (预占率)",
            "[ReservedRatio] within 85% reserved ratio (预占率): WH-SZ 0%, WH-SH 0%",
            "[Ranking] Express tier ranks by distance, then stock depth (时效优先): WH-SZ (depth 30, 121.1 km), WH-SH (depth 40, 164.9 km)",
            "[Choice] single warehouse WH-SZ fills every line (单仓发货)",
            "[Outcome] allocated (已分仓) in 1 parcel from WH-SZ (121.1 km)",
        ], decision.Explanation.Select(entry => entry.ToString()));
        Assert.Equal("MT-88", decision.OrderId);
        Assert.True(decision.IsAllocated);
        Assert.Null(decision.Failure);
    }

    [Fact]
    public void AnOrderNoWarehouseMayTakeIsUnroutableForLackOfEligibleWarehouses()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 1).Excluding("WH-SH"),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 10).WithBreaker(BreakerState.Open),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 10),
        ]);

        Assert.False(decision.IsAllocated);
        Assert.Empty(decision.Parcels);
        Assert.Equal(UnroutableReason.NoEligibleWarehouse, decision.Failure!.Reason);
        Assert.Equal("unroutable (无法分仓): " + decision.Failure.Detail, decision.Said(AllocationLayer.Outcome).Single());
    }

    [Fact]
    public void AShortageNamesEveryShortSkuWithWhatIsSellable()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 5).WithLine("CUP-01", 2).WithLine("LID-01", 9),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 2).Stocking("LID-01", 4),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 1).Stocking("CUP-01", 7),
            Warehouse("WH-NJ").At(AllocationPlaces.Nanjing).Stocking("LID-01", 99).WithBreaker(BreakerState.Open),
        ]);

        Assert.Equal(UnroutableReason.InsufficientStock, decision.Failure!.Reason);
        Assert.Equal("not enough stock across eligible warehouses (库存不足): TEA-01 needs 5, 3 sellable; LID-01 needs 9, 4 sellable",
            decision.Failure.Detail);
    }

    [Fact]
    public void TheDecisionDoesNotDependOnTheOrderTheWarehousesArriveIn()
    {
        AllocationWarehouseBuilder[] warehouses =
        [
            Warehouse("WH-A").At(AllocationPlaces.Suzhou).Stocking("TEA-01", 5).Stocking("CUP-01", 1),
            Warehouse("WH-B").At(AllocationPlaces.Suzhou).Stocking("TEA-01", 5).Stocking("CUP-01", 1),
            Warehouse("WH-C").At(AllocationPlaces.Shanghai).Stocking("CUP-01", 6),
            Warehouse("WH-D").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 1),
        ];
        AllocationRequestBuilder order = Order().WithLine("TEA-01", 8).WithLine("CUP-01", 2);

        AllocationDecision forward = Allocate(order, warehouses);
        AllocationDecision backward = Allocate(order, warehouses.Reverse());

        Assert.Equal(forward.Warehouses(), backward.Warehouses());
        Assert.Equal(forward.Parcels.SelectMany(parcel => parcel.Lines), backward.Parcels.SelectMany(parcel => parcel.Lines));
        Assert.Equal(forward.Explanation, backward.Explanation);
    }

    [Fact]
    public void TheDefaultRequestConstructorExcludesNothing()
    {
        var request = new AllocationRequest("T-1", Channel.Jd, AllocationPlaces.Hangzhou, [new AllocationLine("TEA-01", 1)]);

        Assert.Empty(request.ExcludedWarehouses);
    }

    public static TheoryData<string, AllocationRequest> MalformedRequests => new()
    {
        { "no lines", Order().Build() },
        { "a zero quantity", Order().WithLine("TEA-01", 0).Build() },
        { "a blank SKU", Order().WithLine(" ", 1).Build() },
        { "a SKU on two lines", Order().WithLine("TEA-01", 1).WithColdChainLine("TEA-01", 1).Build() },
        { "a blank order id", Order(" ").WithLine("TEA-01", 1).Build() },
        { "a destination that failed to geocode", Order().To(new GeoPoint(double.NaN, 120)).WithLine("TEA-01", 1).Build() },
        { "a latitude past the pole", Order().To(new GeoPoint(91, 120)).WithLine("TEA-01", 1).Build() },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public void AMalformedRequestIsACallerBugAndThrows(string problem, AllocationRequest request)
    {
        var policy = new AllocationPolicy(AllocationRules.Default);

        Exception? error = Record.Exception(() => policy.Allocate(request, []));

        Assert.True(error is ArgumentException, $"{problem}: expected an ArgumentException, got {error?.GetType().Name ?? "none"}");
    }

    [Fact]
    public void AWarehouseListedTwiceIsACallerBugAndThrows()
    {
        var policy = new AllocationPolicy(AllocationRules.Default);
        WarehouseCandidate warehouse = Warehouse("WH-HZ").Stocking("TEA-01", 1).Build();

        Assert.Throws<ArgumentException>(() => policy.Allocate(Order().WithLine("TEA-01", 1).Build(), [warehouse, warehouse]));
    }

    [Fact]
    public void ANegativeStockCountIsACallerBugAndThrows()
    {
        var policy = new AllocationPolicy(AllocationRules.Default);
        WarehouseCandidate warehouse = Warehouse("WH-HZ").Stocking("TEA-01", onHand: 5, reserved: -1).Build();

        Assert.Throws<ArgumentException>(() => policy.Allocate(Order().WithLine("TEA-01", 1).Build(), [warehouse]));
    }

    [Fact]
    public void AWarehouseWithoutValidCoordinatesIsACallerBugAndThrows()
    {
        var policy = new AllocationPolicy(AllocationRules.Default);
        WarehouseCandidate warehouse = Warehouse("WH-HZ").At(new GeoPoint(30, 200)).Stocking("TEA-01", 1).Build();

        Assert.Throws<ArgumentException>(() => policy.Allocate(Order().WithLine("TEA-01", 1).Build(), [warehouse]));
    }

    [Fact]
    public void APolicyRefusesRulesThatFailValidation()
    {
        Assert.ThrowsAny<ArgumentException>(() => new AllocationPolicy(AllocationRules.Default with { MaxParcels = 0 }));
    }
}
