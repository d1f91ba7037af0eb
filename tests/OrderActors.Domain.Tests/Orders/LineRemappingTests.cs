using System.Collections.Immutable;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;
using OrderActors.Domain.Orders;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.Orders;

/// <summary>Issue 13: releasing an <c>unmapped_sku</c> hold maps the lines again, and an order still unmapped stays on hold.</summary>
public sealed class LineRemappingTests
{
    private static readonly DateTimeOffset At = OrderRecordBuilder.Start.AddHours(1);

    [Fact]
    public void ReleasingAnUnmappedSkuHoldAfterTheMappingWasAddedSetsTheMasterSkuAndResumes_Issue13()
    {
        OrderRecord held = HeldUnmapped("p-1");
        var current = Current(new InMemorySkuMappings().Map(Channel.Taobao, "p-1", new SkuMapping("SKU-1")), coldChain: ["SKU-1"], "SKU-1");

        OrderRecord released = OrderCommands.ReleaseHolds(held, "mapped it", At, "operator", current);

        Assert.Equal(OrderStatus.Paid, released.Status);
        Assert.Equal(("SKU-1", true), (released.Lines[0].MasterSku, released.Lines[0].ColdChain));
        Assert.Empty(released.Holds);
    }

    [Fact]
    public void ReleasingAnOrderWhoseSkuIsStillUnmappedKeepsItOnHoldWithoutAMasterSku_Issue13()
    {
        OrderRecord held = HeldUnmapped("p-1");

        OrderRecord released = OrderCommands.ReleaseHolds(held, null, At, "operator", Current(new InMemorySkuMappings(), coldChain: []));

        Assert.Equal(OrderStatus.OnHold, released.Status);
        Assert.Null(released.Lines[0].MasterSku);
        OrderHold hold = Assert.Single(released.Holds);
        Assert.Equal(HoldCodes.UnmappedSku, hold.Code);
        Assert.Contains("'p-1'", hold.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALineWithoutAPlatformSkuIdOrMappedToASkuOutsideTheCatalogStaysUnmapped_Issue13()
    {
        OrderRecord noId = HeldUnmapped("");
        OrderRecord outside = HeldUnmapped("p-1");
        var current = Current(new InMemorySkuMappings().Map(Channel.Taobao, "p-1", new SkuMapping("GONE")), coldChain: []);

        OrderRecord releasedNoId = OrderCommands.ReleaseHolds(noId, null, At, "operator", current);
        OrderRecord releasedOutside = OrderCommands.ReleaseHolds(outside, null, At, "operator", current);

        Assert.Equal((OrderStatus.OnHold, OrderStatus.OnHold), (releasedNoId.Status, releasedOutside.Status));
        Assert.Contains("without a platform SKU id", Assert.Single(releasedNoId.Holds).Message, StringComparison.Ordinal);
        Assert.Contains("GONE, not in the catalog", Assert.Single(releasedOutside.Holds).Message, StringComparison.Ordinal);
        Assert.Null(releasedOutside.Lines[0].MasterSku);
    }

    [Fact]
    public void ALineNewlyMappedToAnotherVariantIsHeldAsAVariantMismatch()
    {
        OrderRecord held = HeldUnmapped("p-1", variant: "红色");
        var current = Current(new InMemorySkuMappings().Map(Channel.Taobao, "p-1", new SkuMapping("SKU-1", "蓝色")), coldChain: [], "SKU-1");

        OrderRecord released = OrderCommands.ReleaseHolds(held, null, At, "operator", current);

        Assert.Equal(OrderStatus.OnHold, released.Status);
        Assert.Equal(HoldCodes.SkuVariantMismatch, Assert.Single(released.Holds).Code);
    }

    [Fact]
    public void AnOrderWithALineWithoutAMasterSkuGetsAnUnmappedHoldBeforeAllocation()
    {
        OrderRecord mapped = new OrderRecordBuilder().Build();
        OrderRecord unmapped = mapped with { Lines = [mapped.Lines[0] with { MasterSku = null }] };

        Assert.Null(LineRemapping.UnmappedHold(mapped, At));
        Assert.Equal(HoldCodes.UnmappedSku, LineRemapping.UnmappedHold(unmapped, At)?.Code);
    }

    private static OrderRecord HeldUnmapped(string platformSkuId, string? variant = null)
    {
        OrderRecord order = new OrderRecordBuilder().Build();
        order = order with { Lines = [order.Lines[0] with { PlatformSkuId = platformSkuId, MasterSku = null, Variant = variant }] };
        return OrderCommands.Hold(order, [new OrderHold(HoldCodes.UnmappedSku, "no master SKU", At), new OrderHold(HoldCodes.InvalidPhone, "bad phone", At)], At, "intake");
    }

    private static CurrentMappings Current(InMemorySkuMappings mappings, string[] coldChain, params string[] catalog) =>
        new(mappings, catalog.ToImmutableHashSet(), coldChain.ToImmutableHashSet(), IntakeRules.Default);
}
