using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Allocation;
using OrderActors.Domain.Tests.Support;
using static OrderActors.Domain.Tests.Support.AllocationRequestBuilder;
using static OrderActors.Domain.Tests.Support.AllocationScenario;
using static OrderActors.Domain.Tests.Support.AllocationWarehouseBuilder;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class RankingLayerTests
{
    private static readonly AllocationWarehouseBuilder[] ShallowNearDeepFar =
    [
        Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).ColdChain().Stocking("TEA-01", 5),
        Warehouse("WH-SH").At(AllocationPlaces.Shanghai).ColdChain().Stocking("TEA-01", 500),
    ];

    [Fact]
    public void AStandardOrderGoesToTheDeepestStockAmongWarehousesThatCanFillIt()
    {
        AllocationDecision decision = Allocate(Order().From(Channel.Taobao).WithLine("TEA-01", 2), ShallowNearDeepFar);

        Assert.Equal(["WH-SH"], decision.Warehouses());
        Assert.Equal(["Standard tier ranks by stock depth, then distance (库存深度): WH-SH (depth 500, 164.9 km), WH-HZ (depth 5, 0.0 km)"],
            decision.Said(AllocationLayer.Ranking));
    }

    [Fact]
    public void AnExpressOrderGoesToTheNearestWarehouseThatCanFillIt()
    {
        AllocationDecision decision = Allocate(Order().From(Channel.Meituan).WithLine("TEA-01", 2), ShallowNearDeepFar);

        Assert.Equal(["WH-HZ"], decision.Warehouses());
        Assert.Equal(["Express tier ranks by distance, then stock depth (时效优先): WH-HZ (depth 5, 0.0 km), WH-SH (depth 500, 164.9 km)"],
            decision.Said(AllocationLayer.Ranking));
    }

    [Fact]
    public void StockDepthCountsOnlyTheOrdersSkus()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2),
        [
            Warehouse("WH-HZ").At(AllocationPlaces.Hangzhou).Stocking("TEA-01", 50).Stocking("CUP-01", 5000),
            Warehouse("WH-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 60),
        ]);

        Assert.Equal(["WH-SH"], decision.Warehouses());
    }

    [Fact]
    public void EqualDepthGoesToTheNearerWarehouse()
    {
        AllocationDecision decision = Allocate(Order().WithLine("TEA-01", 2),
        [
            Warehouse("WH-A-SH").At(AllocationPlaces.Shanghai).Stocking("TEA-01", 50),
            Warehouse("WH-B-SZ").At(AllocationPlaces.Suzhou).Stocking("TEA-01", 50),
        ]);

        Assert.Equal(["WH-B-SZ"], decision.Warehouses());
    }

    [Fact]
    public void AnExpressOrderBreaksADistanceTieByDepth()
    {
        AllocationDecision decision = Allocate(Order().From(Channel.Meituan).WithLine("TEA-01", 2),
        [
            Warehouse("WH-A").At(AllocationPlaces.Suzhou).ColdChain().Stocking("TEA-01", 10),
            Warehouse("WH-B").At(AllocationPlaces.Suzhou).ColdChain().Stocking("TEA-01", 90),
        ]);

        Assert.Equal(["WH-B"], decision.Warehouses());
    }

    [Fact]
    public void AChannelsServiceTierComesFromTheRules()
    {
        AllocationRules rules = AllocationRules.Default with
        {
            Channels = new Dictionary<Channel, ChannelRule> { [Channel.Taobao] = new(ServiceTier.Express, ColdChainWarehousesOnly: false) },
        };

        AllocationDecision decision = Allocate(Order().From(Channel.Taobao).WithLine("TEA-01", 2), ShallowNearDeepFar, rules);

        Assert.Equal(ServiceTier.Express, decision.Tier);
        Assert.Equal(["WH-HZ"], decision.Warehouses());
    }
}
