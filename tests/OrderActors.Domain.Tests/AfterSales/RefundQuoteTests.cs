using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.AfterSales;

/// <summary>Issue 15: the goods and coupon arithmetic of one refund, its floor and its cap.</summary>
public sealed class RefundQuoteTests
{
    private static Money Yuan(string amount) => Money.FromYuan(amount);

    private static OrderRecord NightstandAndLamp() => new ReturnOrderBuilder()
        .Line("NIGHTSTAND", "150.00")
        .Line("LAMP", "150.00")
        .Promotion("满300减50", "300.00", "50.00")
        .Shipping("10.00")
        .Build();

    [Fact]
    public void Returning150YuanOfA300YuanOrderWith满300减50ReturnsA25YuanCouponShareAndRefunds125()
    {
        RefundQuote quote = new ReturnHistory(NightstandAndLamp()).Return(("NIGHTSTAND", 1));

        RefundLine line = Assert.Single(quote.Lines);
        Assert.Equal(new RefundLine(1, "NIGHTSTAND", 1, Yuan("125.00"), Yuan("25.00"), Yuan("125.00")), line);
        Assert.Equal(Yuan("125.00"), quote.Goods);
        Assert.Equal(Yuan("25.00"), quote.CouponReturn);
        Assert.Equal(Yuan("125.00"), quote.Total);
        Assert.Contains("order coupon 满300减50: this line's share 25.00", quote.Explanation);
        Assert.Contains("total 125.00 = goods 125.00", quote.Explanation);
    }

    [Fact]
    public void PartialReturnsOfOneLineAddUpToItsPaidAmountToTheFen()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("TEA", "10.00", quantity: 3).Promotion("店铺券", "0", "10.00").Build();
        var history = new ReturnHistory(order);

        RefundQuote[] quotes = [history.Return(("TEA", 1)), history.Return(("TEA", 1)), history.Return(("TEA", 1))];

        Assert.Equal([Yuan("6.66"), Yuan("6.67"), Yuan("6.67")], quotes.Select(q => q.Total));
        Assert.Equal([Yuan("3.33"), Yuan("3.33"), Yuan("3.34")], quotes.Select(q => q.CouponReturn));
        Assert.Equal(order.AmountPaid, quotes.Aggregate(Money.Zero, (sum, q) => sum + q.Total));
    }

    [Fact]
    public void AnExchangeListsThePaidAmountButMovesNoMoney()
    {
        RefundQuote quote = new ReturnHistory(NightstandAndLamp()).Claim(ReturnKind.Exchange, Money.Zero, ("LAMP", 1));

        RefundLine line = Assert.Single(quote.Lines);
        Assert.Equal((Yuan("125.00"), Money.Zero), (line.Paid, line.Refund));
        Assert.Equal((Money.Zero, Money.Zero, Money.Zero), (quote.Goods, quote.Shipping, quote.Total));
        Assert.Contains("exchange: goods swapped, no money moves", quote.Explanation);
    }

    [Fact]
    public void ARefundOnlyUsesTheSameArithmeticAsAReturn()
    {
        RefundQuote returned = new ReturnHistory(NightstandAndLamp()).Return(("LAMP", 1));
        RefundQuote refundOnly = new ReturnHistory(NightstandAndLamp()).Claim(ReturnKind.RefundOnly, Money.Zero, ("LAMP", 1));

        Assert.Equal(returned.Lines, refundOnly.Lines);
        Assert.Equal(returned.Explanation, refundOnly.Explanation);
        Assert.Equal(returned.Total, refundOnly.Total);
    }

    [Fact]
    public void TheOrderDiscountBeyondThePromotionsIsAnUnnamedShare()
    {
        OrderRecord order = new ReturnOrderBuilder()
            .Line("NIGHTSTAND", "150.00").Line("LAMP", "150.00")
            .Promotion("满300减50", "300.00", "50.00").OrderDiscount("60.00")
            .Build();

        RefundQuote quote = new ReturnHistory(order).Return(("LAMP", 1));

        Assert.Equal(Yuan("30.00"), Assert.Single(quote.Lines).CouponShare);
        Assert.Equal(Yuan("120.00"), quote.Total);
        Assert.Contains("order coupon 满300减50: this line's share 25.00", quote.Explanation);
        Assert.Contains("order discount: this line's share 5.00", quote.Explanation);
    }

    [Fact]
    public void PromotionsThatDoNotFitTheOrderDiscountFallBackToOneUnnamedShare()
    {
        OrderRecord order = new ReturnOrderBuilder()
            .Line("NIGHTSTAND", "150.00").Line("LAMP", "150.00")
            .Promotion("满300减50", "300.00", "50.00").Promotion("店铺券", "0", "20.00").OrderDiscount("50.00")
            .Build();

        RefundQuote quote = new ReturnHistory(order).Return(("LAMP", 1));

        Assert.Equal(Yuan("25.00"), Assert.Single(quote.Lines).CouponShare);
        Assert.Contains(quote.Explanation, e => e.Contains("treated as one order discount") && e.Contains("70.00"));
        Assert.Contains("order discount: this line's share 25.00", quote.Explanation);
        Assert.DoesNotContain(quote.Explanation, e => e.Contains("needs 300.00"));
    }

    [Fact]
    public void DeductionsLargerThanTheRefundFloorTheTotalAtZero()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("SOAP", "10.00").Gift("TOWEL", "赠品 毛巾", "20.00", 1, "SOAP").Build();

        RefundQuote quote = new ReturnHistory(order).Return(("SOAP", 1));

        Assert.Equal(Yuan("20.00"), quote.GiftDeduction);
        Assert.Equal(Money.Zero, quote.Total);
        Assert.Contains("the deductions exceed the refund by 10.00: total floored at 0.00", quote.Explanation);
    }

    [Fact]
    public void RefundsOfAnOrderNeverPassWhatItPaid()
    {
        OrderRecord subsidised = new ReturnOrderBuilder().Line("KETTLE", "100.00").Build() with { AmountPaid = Yuan("90.00") };

        RefundQuote quote = new ReturnHistory(subsidised).Return(("KETTLE", 1));

        Assert.Equal(Yuan("100.00"), quote.Goods);
        Assert.Equal(Yuan("90.00"), quote.Total);
        Assert.Contains(quote.Explanation, e => e.StartsWith("total capped at 90.00", StringComparison.Ordinal));
    }

    [Fact]
    public void ARejectedClaimsQuoteDoesNotCountTowardsTheCap()
    {
        OrderRecord order = new ReturnOrderBuilder().Line("KETTLE", "100.00").Build();
        ReturnClaim rejected = new("RMA-1", ReturnKind.Return, [new ReturnUnits(1, 1)], new RefundQuote { Total = Yuan("100.00") }, RmaStatus.Rejected);

        RefundQuote quote = OrderActors.Domain.AfterSales.RefundCalculator.Quote(order, [rejected], ReturnKind.Return, [new ReturnUnits(1, 1)], Money.Zero, AfterSalesPolicy.Default);

        Assert.Equal(Yuan("100.00"), quote.Total);
    }
}
