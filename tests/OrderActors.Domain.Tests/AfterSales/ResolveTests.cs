using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.AfterSales;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.AfterSales;

/// <summary>Issue 15: what the buyer asks back becomes units of order lines, never more than were bought.</summary>
public sealed class ResolveTests
{
    private static readonly OrderRecord TwoCupLines = new ReturnOrderBuilder()
        .Line("CUP", "20.00", quantity: 2)
        .Line("LID", "5.00", quantity: 1)
        .Line("CUP", "18.00", quantity: 3)
        .Build();

    [Fact]
    public void ASkuOnSeveralLinesFillsThemInLineOrderAfterWhatWasReturned()
    {
        var history = new ReturnHistory(TwoCupLines);
        history.Return(("CUP", 1));

        IReadOnlyList<ReturnUnits> units = RefundCalculator.Resolve(TwoCupLines, history.Claims, [("CUP", 3), ("LID", 1)]);

        Assert.Equal([new ReturnUnits(1, 1), new ReturnUnits(2, 1), new ReturnUnits(3, 2)], units);
    }

    [Fact]
    public void TheSameSkuAskedTwiceIsAddedUp() =>
        Assert.Equal([new ReturnUnits(1, 2), new ReturnUnits(3, 1)], RefundCalculator.Resolve(TwoCupLines, [], [("CUP", 1), ("CUP", 2)]));

    [Fact]
    public void AnUnknownSkuIsRefused()
    {
        CommandValidationException error = Assert.Throws<CommandValidationException>(() => RefundCalculator.Resolve(TwoCupLines, [], [("PLATE", 1)]));

        Assert.Equal("lines", error.Field);
        Assert.Contains("PLATE", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void AQuantityThatIsNotPositiveIsRefused(int quantity)
    {
        CommandValidationException error = Assert.Throws<CommandValidationException>(() => RefundCalculator.Resolve(TwoCupLines, [], [("CUP", quantity)]));

        Assert.Equal("lines", error.Field);
    }

    [Fact]
    public void AnEmptyListIsRefused() =>
        Assert.Equal("lines", Assert.Throws<CommandValidationException>(() => RefundCalculator.Resolve(TwoCupLines, [], [])).Field);

    [Fact]
    public void MoreUnitsThanRemainReturnableIsRefusedNamingAskedBoughtAndReturned()
    {
        var history = new ReturnHistory(TwoCupLines);
        history.Return(("CUP", 4));

        CommandValidationException error = Assert.Throws<CommandValidationException>(() => history.Return(("CUP", 2)));

        Assert.Equal("lines", error.Field);
        Assert.Equal("SKU CUP: asked to return 2, bought 5, already returned 4", error.Message);
    }

    [Fact]
    public void OpenAndExchangedClaimsKeepTheirUnits()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("CUP", "20.00", quantity: 2).Build();
        IReadOnlyList<ReturnUnits> one = [new ReturnUnits(1, 1)];
        ReturnClaim open = new("RMA-1", ReturnKind.Return, [.. one], new RefundQuote(), RmaStatus.Requested);
        ReturnClaim exchanged = new("RMA-2", ReturnKind.Exchange, [.. one], new RefundQuote(), RmaStatus.Closed);

        Assert.Throws<CommandValidationException>(() => RefundCalculator.Resolve(order, [open, exchanged], [("CUP", 1)]));
    }

    [Fact]
    public void ARejectedClaimGivesItsUnitsBack()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("CUP", "20.00", quantity: 2).Build();
        var history = new ReturnHistory(order);
        history.Rejected(("CUP", 2));

        Assert.Equal([new ReturnUnits(1, 2)], RefundCalculator.Resolve(order, history.Claims, [("CUP", 2)]));
    }

    [Fact]
    public void AQuoteForMoreUnitsThanRemainIsRefusedToo()
    {
        var history = new ReturnHistory(TwoCupLines);
        history.Return(("LID", 1));

        CommandValidationException error = Assert.Throws<CommandValidationException>(() =>
            RefundCalculator.Quote(TwoCupLines, history.Claims, ReturnKind.Return, [new ReturnUnits(2, 1)], default, AfterSalesPolicy.Default));

        Assert.Equal("lines", error.Field);
    }
}
