using FsCheck;
using FsCheck.Fluent;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.AfterSales;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.AfterSales;

/// <summary>
/// Issue 15: invariants over random orders returned piece by piece until nothing is left. A failure prints the
/// scenario (order, policy, and the picks that drive the returns), which reproduces it.
/// </summary>
public sealed class RefundPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void NoLineIsEverRefundedMoreThanTheBuyerPaidForIt() => ForEveryRun(withExchanges: true, (scenario, claims) =>
    {
        foreach (OrderLineRecord line in scenario.Order.Lines)
        {
            RefundLine[] refunds = Counted(claims).SelectMany(claim => claim.Quote.Lines).Where(l => l.LineNo == line.LineNo).ToArray();
            Money paid = line.UnitPrice * line.Quantity - line.LineDiscount - line.OrderDiscountShare;
            Holds(Sum(refunds.Select(l => l.Refund)) <= paid, $"line {line.LineNo} refunded more than its {paid.Fen} paid");
            Holds(Sum(refunds.Select(l => l.Paid)) == paid, $"line {line.LineNo}'s slices do not add up to its {paid.Fen} paid");
            Holds(refunds.All(l => l.Refund.Fen >= 0 && l.Refund <= l.Paid), $"line {line.LineNo} has a negative refund or one above its slice");
        }
    });

    [Fact]
    public void TheRefundsOfAnOrderNeverPassWhatItPaid() => ForEveryRun(withExchanges: true, (scenario, claims) =>
    {
        Money refunded = Money.Zero;
        foreach (ReturnClaim claim in Counted(claims))
        {
            Holds(claim.Quote.Total.Fen >= 0, $"{claim.RmaId} has a negative total");
            refunded += claim.Quote.Total;
            Holds(refunded <= scenario.Order.AmountPaid, $"after {claim.RmaId} {refunded.Fen} is refunded of {scenario.Order.AmountPaid.Fen} paid");
            Holds(claim.Kind != ReturnKind.Exchange || claim.Quote.Total == Money.Zero, $"exchange {claim.RmaId} moves money");
        }
    });

    [Fact]
    public void AFullyReturnedLineGivesBackExactlyItsOrderDiscountShareInCoupons() => ForEveryRun(withExchanges: false, (scenario, claims) =>
    {
        foreach (OrderLineRecord line in scenario.Order.Lines)
        {
            Money coupons = Sum(Counted(claims).SelectMany(claim => claim.Quote.Lines).Where(l => l.LineNo == line.LineNo).Select(l => l.CouponShare));
            Holds(coupons == line.OrderDiscountShare, $"line {line.LineNo} gave back {coupons.Fen} in coupons, its share is {line.OrderDiscountShare.Fen}");
        }
        Holds(Sum(Counted(claims).Select(claim => claim.Quote.CouponReturn)) == scenario.Order.OrderDiscount, "the coupons given back are not the order discount");
    });

    [Fact]
    public void ReturningEverythingRefundsExactlyWhatWasPaid() => ForEveryRun(withExchanges: false, (scenario, claims) =>
    {
        Money refunded = Sum(Counted(claims).Select(claim => claim.Quote.Total));
        OrderRecord order = scenario.Order;
        if (scenario.Policy.Shipping != ShippingRefundRule.Never)
        {
            Holds(refunded == order.AmountPaid, $"everything came back but {refunded.Fen} of {order.AmountPaid.Fen} was refunded");
        }
        else if (order.Lines.All(line => line.Gift is null) && scenario.Policy.CouponBreach == CouponBreachRule.ReturnShare)
        {
            Holds(refunded == order.AmountPaid - order.ShippingFee, $"everything but shipping came back but {refunded.Fen} was refunded");
        }
    });

    [Fact]
    public void ShippingAnd运费险AreSettledAtMostOnceAndEveryFigureIsExplained() => ForEveryRun(withExchanges: true, (scenario, claims) =>
    {
        RefundQuote[] quotes = Counted(claims).Select(claim => claim.Quote).ToArray();
        Money shipping = Sum(quotes.Select(q => q.Shipping));
        Holds(shipping == Money.Zero || shipping == scenario.Order.ShippingFee, $"shipping refunded {shipping.Fen} of {scenario.Order.ShippingFee.Fen}");
        Holds(quotes.Count(q => q.Insurance.Fen > 0) <= 1, "运费险 booked twice");
        Holds(quotes.SelectMany(q => q.GiftsDeducted).Distinct().Count() == quotes.Sum(q => q.GiftsDeducted.Count), "a gift deducted twice");
        Holds(quotes.SelectMany(q => q.PromotionsClawedBack).Distinct().Count() == quotes.Sum(q => q.PromotionsClawedBack.Count), "a promotion clawed back twice");
        foreach (RefundQuote quote in quotes)
        {
            Holds(quote.Shipping.Fen == 0 || quote.Explanation.Any(e => e.StartsWith("shipping ", StringComparison.Ordinal)), "shipping unexplained");
            Holds(quote.Insurance.Fen == 0 || quote.Explanation.Any(e => e.StartsWith("运费险 ", StringComparison.Ordinal)), "运费险 unexplained");
            Holds(quote.GiftDeduction.Fen == 0 || quote.Explanation.Any(e => e.StartsWith("gift ", StringComparison.Ordinal)), "gift deduction unexplained");
            Holds(quote.CouponClawback.Fen == 0 || quote.Explanation.Any(e => e.Contains("clawed back")), "claw-back unexplained");
            Holds(quote.Explanation.Any(e => e.StartsWith("total ", StringComparison.Ordinal) || e.StartsWith("exchange:", StringComparison.Ordinal)), "total unexplained");
            Holds(quote.Lines.All(l => quote.Explanation.Any(e => e.StartsWith($"line {l.LineNo} ", StringComparison.Ordinal))), "a line unexplained");
        }
    });

    [Fact]
    public void PromotionPartsAddUpPerLineAndPerPromotion() =>
        FsCheck.Check.One(Runs, Prop.ForAll(RefundScenarioGenerator.Orders.ToArbitrary(), order =>
        {
            CouponSplit split = CouponSplit.Of(order);
            Holds(split.Fallback is null, $"fitting promotions fell back: {split.Fallback}");
            for (int i = 0; i < order.Lines.Count; i++)
            {
                Holds(Sum(split.Parts.Select(part => part.PerLine[i])) == order.Lines[i].OrderDiscountShare, $"line {i + 1}'s parts do not add up to its share");
            }
            foreach (PromotionPart part in split.Parts)
            {
                Holds(Sum(part.PerLine) == part.Discount && part.PerLine.All(fen => fen.Fen >= 0), $"{part.Name}'s parts do not add up to {part.Discount.Fen}");
            }
            Holds(Sum(split.Parts.Select(part => part.Discount)) == order.OrderDiscount, "the parts do not cover the order discount");
        }));

    [Fact]
    public void ResolveNeverAcceptsMoreThanWasBought()
    {
        Gen<(RefundScenario Scenario, int Cut, (int Sku, int Quantity)[] Wanted)> cases =
            from scenario in RefundScenarioGenerator.Scenarios(withExchanges: true)
            from cut in Gen.Choose(0, 6)
            from wanted in Gen.Zip(Gen.Choose(0, 5), Gen.Choose(-1, 8)).ArrayOf(3)
            select (scenario, cut, wanted);

        FsCheck.Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            IReadOnlyList<ReturnClaim> prior = ReturnPlan.Run(c.Scenario).Take(c.Cut).ToArray();
            (string Sku, int Quantity)[] wanted = c.Wanted.Select(w => (w.Sku == 0 ? "UNKNOWN" : $"SKU-{w.Sku}", w.Quantity)).ToArray();
            Dictionary<string, int> remaining = ReturnPlan.Remaining(c.Scenario.Order, prior);
            bool allowed = wanted.All(w => w.Quantity > 0 && remaining.ContainsKey(w.Sku))
                && wanted.GroupBy(w => w.Sku).All(group => group.Sum(w => w.Quantity) <= remaining[group.Key]);
            IReadOnlyList<ReturnUnits> units;
            try
            {
                units = RefundCalculator.Resolve(c.Scenario.Order, prior, wanted);
            }
            catch (CommandValidationException refused) when (refused.Field == "lines")
            {
                Holds(!allowed, $"a returnable request was refused: {refused.Message}");
                return;
            }
            Holds(allowed, "more than remains returnable was accepted");
            Dictionary<int, int> taken = ReturnPlan.Taken(prior);
            foreach (ReturnUnits unit in units)
            {
                OrderLineRecord line = c.Scenario.Order.Lines.Single(l => l.LineNo == unit.LineNo);
                Holds(unit.Quantity > 0 && taken.GetValueOrDefault(line.LineNo) + unit.Quantity <= line.Quantity, $"line {line.LineNo} is over-returned");
            }
            foreach (IGrouping<string, (string Sku, int Quantity)> ask in wanted.GroupBy(w => w.Sku))
            {
                int given = units.Where(u => c.Scenario.Order.Lines.Single(l => l.LineNo == u.LineNo).MasterSku == ask.Key).Sum(u => u.Quantity);
                Holds(given == ask.Sum(w => w.Quantity), $"{ask.Key}: asked {ask.Sum(w => w.Quantity)}, resolved {given}");
            }
        }));
    }

    private static void ForEveryRun(bool withExchanges, Action<RefundScenario, IReadOnlyList<ReturnClaim>> invariant) =>
        FsCheck.Check.One(Runs, Prop.ForAll(RefundScenarioGenerator.Scenarios(withExchanges).ToArbitrary(), scenario =>
        {
            IReadOnlyList<ReturnClaim> claims = ReturnPlan.Run(scenario);
            invariant(scenario, claims);
        }));

    private static IEnumerable<ReturnClaim> Counted(IEnumerable<ReturnClaim> claims) => claims.Where(claim => claim.Counts);

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (sum, amount) => sum + amount);

    private static void Holds(bool holds, string violation)
    {
        if (!holds)
        {
            throw new InvariantBroken(violation);
        }
    }

    private sealed class InvariantBroken(string message) : Exception(message);
}
