using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.AfterSales;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.AfterSales;

/// <summary>Issue 15: gifts kept, shipping and 运费险, each settled once per order.</summary>
public sealed class GiftShippingInsuranceTests
{
    private static Money Yuan(string amount) => Money.FromYuan(amount);

    [Fact]
    public void AGiftKeptWhenItsGoodsComeBackIsDeductedAtItsStatedValue_差额12点8元()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Gift("SLEEVE", "赠品 杯套", "12.80", 1, "BOTTLE").Build();

        RefundQuote quote = new ReturnHistory(order).Return(("BOTTLE", 1));

        Assert.Equal(Yuan("12.80"), quote.GiftDeduction);
        Assert.Equal(Yuan("87.20"), quote.Total);
        Assert.Equal([2], quote.GiftsDeducted);
        Assert.Contains("gift 赠品 杯套 not returned: −12.80", quote.Explanation);
    }

    [Fact]
    public void AGiftStaysFreeWhileSomeOfWhatItCameWithIsKept()
    {
        OrderRecord order = new ReturnOrderBuilder()
            .Line("BOTTLE", "100.00", quantity: 2).Line("BRUSH", "9.90")
            .Gift("SLEEVE", "赠品 杯套", "12.80", 1, "BOTTLE")
            .Build();
        var history = new ReturnHistory(order);

        RefundQuote first = history.Return(("BOTTLE", 1), ("BRUSH", 1));
        RefundQuote second = history.Return(("BOTTLE", 1));

        Assert.Equal(Money.Zero, first.GiftDeduction);
        Assert.Contains("gift 赠品 杯套 stays with the buyer: not all of what it came with is back yet", first.Explanation);
        Assert.Equal(Yuan("12.80"), second.GiftDeduction);
    }

    [Fact]
    public void AGiftReturnedWithItsGoodsIsNotDeducted()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Gift("SLEEVE", "赠品 杯套", "12.80", 1, "BOTTLE").Build();

        RefundQuote quote = new ReturnHistory(order).Return(("BOTTLE", 1), ("SLEEVE", 1));

        Assert.Equal(Money.Zero, quote.GiftDeduction);
        Assert.Equal(Yuan("100.00"), quote.Total);
        Assert.Contains("gift 赠品 杯套 came back too: nothing deducted", quote.Explanation);
    }

    [Fact]
    public void ADeductedGiftIsNotDeductedAgainAndGivesItsValueBackWhenReturnedLater()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Gift("SLEEVE", "赠品 杯套", "12.80", 1, "BOTTLE").Build();
        var history = new ReturnHistory(order);
        history.Return(("BOTTLE", 1));

        RefundQuote late = history.Return(("SLEEVE", 1));

        Assert.Equal(Money.Zero, late.GiftDeduction);
        Assert.Equal(Yuan("12.80"), late.Restored);
        Assert.Equal(Yuan("12.80"), late.Total);
    }

    [Fact]
    public void AGiftWithTheWholeOrderIsDeductedOnlyWhenEverythingIsBack()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Line("BRUSH", "9.90").Gift("BAG", "赠品 袋子", "5.00").Build();
        var history = new ReturnHistory(order);

        Assert.Equal(Money.Zero, history.Return(("BOTTLE", 1)).GiftDeduction);
        Assert.Equal(Yuan("5.00"), history.Return(("BRUSH", 1)).GiftDeduction);
    }

    [Fact]
    public void ShippingIsRefundedOnlyWhenTheWholeOrderCameBack()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Line("BRUSH", "9.90").Shipping("10.00").Build();
        var history = new ReturnHistory(order);

        RefundQuote first = history.Return(("BOTTLE", 1));
        RefundQuote last = history.Return(("BRUSH", 1));

        Assert.Equal(Money.Zero, first.Shipping);
        Assert.Contains("shipping 10.00 not refunded: only a whole-order return gets it back, and 1 unit(s) are still with the buyer", first.Explanation);
        Assert.Equal(Yuan("10.00"), last.Shipping);
        Assert.Equal(Yuan("19.90"), last.Total);
        Assert.Contains("shipping 10.00 refunded: the whole order came back", last.Explanation);
        Assert.Equal(order.AmountPaid, first.Total + last.Total);
    }

    [Fact]
    public void ShippingAfterAnExchangeIsNotRefundedBecauseTheBuyerKeptTheReplacement()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Line("BRUSH", "9.90").Shipping("10.00").Build();
        var history = new ReturnHistory(order);
        history.Claim(ReturnKind.Exchange, Money.Zero, ("BOTTLE", 1));

        Assert.Equal(Money.Zero, history.Return(("BRUSH", 1)).Shipping);
    }

    [Fact]
    public void ShippingRuleAlwaysRefundsItOnceWithTheFirstReturnOfGoods()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Line("BRUSH", "9.90").Shipping("10.00").Build();
        var history = new ReturnHistory(order, new AfterSalesPolicy(Shipping: ShippingRefundRule.Always));

        RefundQuote first = history.Return(("BRUSH", 1));
        RefundQuote second = history.Return(("BOTTLE", 1));

        Assert.Equal((Yuan("10.00"), Yuan("19.90")), (first.Shipping, first.Total));
        Assert.Equal(Money.Zero, second.Shipping);
        Assert.Contains("shipping 10.00 was refunded with an earlier return", second.Explanation);
    }

    [Fact]
    public void ShippingRuleNeverKeepsItEvenWhenEverythingComesBack()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Shipping("10.00").Build();

        RefundQuote quote = new ReturnHistory(order, new AfterSalesPolicy(Shipping: ShippingRefundRule.Never)).Return(("BOTTLE", 1));

        Assert.Equal((Money.Zero, Yuan("100.00")), (quote.Shipping, quote.Total));
        Assert.Contains("shipping 10.00 not refunded: the shop does not refund shipping", quote.Explanation);
    }

    [Fact]
    public void The运费险PayoutIsBookedOnceAsTheMerchantsIncomeAndNeverRefunded()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00", quantity: 2).Build();
        var history = new ReturnHistory(order);

        RefundQuote first = history.Claim(ReturnKind.Return, Yuan("8.00"), ("BOTTLE", 1));
        RefundQuote second = history.Claim(ReturnKind.Return, Yuan("8.00"), ("BOTTLE", 1));

        Assert.Equal((Yuan("8.00"), Yuan("100.00")), (first.Insurance, first.Total));
        Assert.Contains("运费险 8.00 booked as the merchant's income (paid by the insurer, not by us)", first.Explanation);
        Assert.Equal((Money.Zero, Yuan("100.00")), (second.Insurance, second.Total));
        Assert.Contains("运费险 8.00 not booked: this order's 运费险 was booked with an earlier return", second.Explanation);
    }

    [Fact]
    public void ANegative运费险PayoutIsRefused()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("BOTTLE", "100.00").Build();

        CommandValidationException error = Assert.Throws<CommandValidationException>(() =>
            RefundCalculator.Quote(order, [], ReturnKind.Return, [new ReturnUnits(1, 1)], new Money(-1), AfterSalesPolicy.Default));

        Assert.Equal("shippingInsuranceFen", error.Field);
    }
}
