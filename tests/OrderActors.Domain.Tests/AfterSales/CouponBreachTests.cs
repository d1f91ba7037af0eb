using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.AfterSales;

/// <summary>Issue 15: a return that takes the kept goods below a 满减 threshold, under each tenant rule.</summary>
public sealed class CouponBreachTests
{
    private static Money Yuan(string amount) => Money.FromYuan(amount);

    /// <summary>150 + 150 + 100 with 满300减50: shares 18.75, 18.75 and 12.50; 350.00 paid.</summary>
    private static OrderRecord ThreeItems() => new ReturnOrderBuilder()
        .Line("CHAIR", "150.00").Line("DESK", "150.00").Line("LAMP", "100.00")
        .Promotion("满300减50", "300.00", "50.00")
        .Build();

    [Fact]
    public void ReturningWhatKeepsTheThresholdReachedChangesNothing()
    {
        RefundQuote quote = new ReturnHistory(ThreeItems(), new AfterSalesPolicy(CouponBreach: CouponBreachRule.ClawBackWhole)).Return(("LAMP", 1));

        Assert.Equal((Money.Zero, Yuan("87.50")), (quote.CouponClawback, quote.Total));
        Assert.DoesNotContain(quote.Explanation, e => e.Contains("needs 300.00"));
    }

    [Fact]
    public void WithReturnShareTheBuyerKeepsTheCouponOnTheKeptGoodsAndTheQuoteSaysSo()
    {
        var history = new ReturnHistory(ThreeItems(), new AfterSalesPolicy(CouponBreach: CouponBreachRule.ReturnShare));
        history.Return(("LAMP", 1));

        RefundQuote quote = history.Return(("DESK", 1));

        Assert.Equal((Money.Zero, Yuan("131.25")), (quote.CouponClawback, quote.Total));
        Assert.Empty(quote.PromotionsClawedBack);
        Assert.Contains("满300减50 needs 300.00 but the kept goods are now 150.00: the buyer keeps its 18.75 on the kept goods (rule: return share)", quote.Explanation);
    }

    [Fact]
    public void WithClawBackWholeTheKeptGoodsLoseTheCouponOnceAndGetItBackWhenReturned()
    {
        var history = new ReturnHistory(ThreeItems(), new AfterSalesPolicy(CouponBreach: CouponBreachRule.ClawBackWhole));
        RefundQuote lamp = history.Return(("LAMP", 1));

        RefundQuote desk = history.Return(("DESK", 1));
        RefundQuote chair = history.Return(("CHAIR", 1));

        Assert.Equal((Yuan("18.75"), Yuan("112.50")), (desk.CouponClawback, desk.Total));
        Assert.Equal(["满300减50"], desk.PromotionsClawedBack);
        Assert.Contains("满300减50 needs 300.00 but the kept goods are now 150.00: its share on the kept goods is clawed back: −18.75", desk.Explanation);
        Assert.Equal((Money.Zero, Yuan("18.75"), Yuan("150.00")), (chair.CouponClawback, chair.Restored, chair.Total));
        Assert.Empty(chair.PromotionsClawedBack);
        Assert.Equal(Yuan("350.00"), lamp.Total + desk.Total + chair.Total);
    }

    [Fact]
    public void AThresholdTheOrderNeverReachedIsNotBreachedByAReturn()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("CHAIR", "150.00").Line("DESK", "100.00")
            .Promotion("满300减50", "300.00", "50.00").Build();

        RefundQuote quote = new ReturnHistory(order, new AfterSalesPolicy(CouponBreach: CouponBreachRule.ClawBackWhole)).Return(("DESK", 1));

        Assert.Equal(Money.Zero, quote.CouponClawback);
        Assert.Contains(quote.Explanation, e => e.Contains("never reached its threshold 300.00"));
    }

    [Fact]
    public void TheThresholdLooksAtKeptGoodsAfterLineDiscounts()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("CHAIR", "160.00", lineDiscount: "20.00").Line("DESK", "150.00")
            .Line("LAMP", "20.00").Promotion("满300减50", "300.00", "50.00").Build();

        RefundQuote quote = new ReturnHistory(order, new AfterSalesPolicy(CouponBreach: CouponBreachRule.ClawBackWhole)).Return(("LAMP", 1));

        Assert.Equal(["满300减50"], quote.PromotionsClawedBack);
        Assert.Contains(quote.Explanation, e => e.StartsWith("满300减50 needs 300.00 but the kept goods are now 290.00", StringComparison.Ordinal));
    }
}
