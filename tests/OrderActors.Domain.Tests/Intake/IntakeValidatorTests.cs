using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Addresses;
using OrderActors.Domain.Intake;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.Intake;

public sealed class IntakeValidatorTests
{
    [Fact]
    public void AWellFormedOrderPassesWithoutHoldsAndWithItsAddressResolved()
    {
        IntakeValidation validation = Support.Intake.Validate(new OrderBuilder().Build());

        Assert.True(validation.IsClean, string.Join("; ", validation.Holds));
        Assert.Equal(("330106", CentroidPrecision.County), (validation.Address!.DistrictCode, validation.Address.CentroidPrecision));
        Assert.Equal(30.26, validation.Address.Centroid.Latitude, 1);
    }

    [Fact]
    public void TheSeedsCouponCaseGivesTheHundredFiftyYuanItemTwentyFiveYuanOfTheFifty()
    {
        IntakeValidation validation = Support.Intake.Validate(new OrderBuilder().Build());

        MappedOrderLine nightstand = validation.Lines[0];
        Assert.Equal(("MJ-NS-WAL-40", 2500L, 12500L), (nightstand.MasterSku, nightstand.OrderDiscountShare.Fen, nightstand.NetAmount.Fen));
        Assert.Equal(5000, validation.Lines.Sum(line => line.OrderDiscountShare.Fen));
    }

    [Theory]
    [InlineData("1381234567")]
    [InlineData("12812345678")]
    [InlineData("010-62345678")]
    [InlineData("")]
    public void APhoneThatIsNotAMainlandMobileIsHeldAsInvalidPhone(string phone) =>
        Assert.Equal([HoldCodes.InvalidPhone], Support.Intake.Codes(Support.Intake.Validate(new OrderBuilder().WithReceiver(phone).Build())));

    [Theory]
    [InlineData("138****5678")]
    [InlineData("17012345678_4321")]
    public void APlatformMaskedPhoneIsAccepted(string phone) =>
        Assert.True(Support.Intake.Validate(new OrderBuilder().WithReceiver(phone, masked: true).Build()).IsClean);

    [Fact]
    public void AMaskedFlagWithNoPhoneAtAllIsStillAnInvalidPhone() =>
        Assert.True(Support.Intake.Validate(new OrderBuilder().WithReceiver("", masked: true).Build()).Has(HoldCodes.InvalidPhone));

    [Theory]
    [InlineData("浙江省", "杭州市", "朝阳区")]
    [InlineData("浙江省", "南京市", "玄武区")]
    [InlineData("火星省", "杭州市", "西湖区")]
    public void ADivisionTheListDoesNotKnowIsHeldAsInvalidDivision(string province, string city, string district) =>
        Assert.Equal([HoldCodes.InvalidDivision], Support.Intake.Codes(Support.Intake.Validate(new OrderBuilder().WithAddress(province, city, district).Build())));

    [Theory]
    [InlineData("浙江省", "杭州市", "", "文三路398号")]
    [InlineData("浙江省", "", "西湖区", "文三路398号")]
    [InlineData("浙江省", "杭州市", "西湖区", " ")]
    public void AMissingPartOfTheAddressIsHeldAsIncompleteAddress(string province, string city, string district, string detail) =>
        Assert.Equal([HoldCodes.IncompleteAddress], Support.Intake.Codes(Support.Intake.Validate(new OrderBuilder().WithAddress(province, city, district, detail).Build())));

    [Fact]
    public void AnUnmappedSkuIsHeldAndItsLineKeptWithoutMasterSku()
    {
        IntakeValidation validation = Support.Intake.Validate(new OrderBuilder().Build(), mappings: new InMemorySkuMappings());

        Assert.Equal([HoldCodes.UnmappedSku], Support.Intake.Codes(validation));
        Assert.All(validation.Lines, line => Assert.Null(line.MasterSku));
    }

    [Fact]
    public void AVariantDifferentFromTheMappingsIsHeldAsSkuVariantMismatch()
    {
        NormalizedOrder order = new OrderBuilder().WithLines(OrderBuilder.Line("SKU-NS", 15000, 1, "原木色;40cm"), OrderBuilder.Line("SKU-PIL", 7500, 2, "标准款")).Build();

        Assert.Equal([HoldCodes.SkuVariantMismatch], Support.Intake.Codes(Support.Intake.Validate(order)));
    }

    [Fact]
    public void TheSameVariantSpelledDifferentlyIsNotAMismatch()
    {
        NormalizedOrder order = new OrderBuilder().WithLines(OrderBuilder.Line("SKU-NS", 15000, 1, "颜色分类：胡桃色；尺寸：40cm"), OrderBuilder.Line("SKU-PIL", 7500, 2)).Build();

        Assert.True(Support.Intake.Validate(order).IsClean);
    }

    [Fact]
    public void AmountsThatDoNotAddUpAreHeldAsAbnormal() =>
        Assert.Equal([HoldCodes.AbnormalAmount], Support.Intake.Codes(Support.Intake.Validate(new OrderBuilder().WithAmountPaid(25000).Build())));

    [Fact]
    public void AGoodsTotalDifferentFromTheLinesIsHeldAsAbnormal() =>
        Assert.True(Support.Intake.Validate(new OrderBuilder().WithGoodsTotal(31000).Build()).Has(HoldCodes.AbnormalAmount));

    [Fact]
    public void AZeroAmountPaidIsHeldAsAbnormal()
    {
        NormalizedOrder order = new OrderBuilder().WithShipping(0).WithOrderDiscount(30000).Build();

        Assert.Contains(Support.Intake.Validate(order).Holds, hold => hold.Code == HoldCodes.AbnormalAmount && hold.Message.Contains("not positive"));
    }

    [Fact]
    public void AnAmountAboveTheTenantsMaximumIsHeldAsAbnormal() =>
        Assert.Equal([HoldCodes.AbnormalAmount], Support.Intake.Codes(Support.Intake.Validate(new OrderBuilder().Build(), IntakeRules.Default with { MaxAmount = new Money(20000) })));

    [Fact]
    public void ALineDiscountedBeyondItsPriceIsHeldAsAbnormal()
    {
        NormalizedOrder order = new OrderBuilder().WithOrderDiscount(0).WithLines(OrderBuilder.Line("SKU-PIL", 7500, 1, discountFen: 8000)).Build();

        Assert.True(Support.Intake.Validate(order).Has(HoldCodes.AbnormalAmount));
    }

    [Fact]
    public void SellingBelowHalfTheListPriceIsHeldAsPriceDeviation()
    {
        NormalizedOrder order = new OrderBuilder().WithOrderDiscount(0).WithLines(OrderBuilder.Line("SKU-NS", 7900, 1, "胡桃色;40cm")).Build();

        Assert.Equal([HoldCodes.PriceDeviation], Support.Intake.Codes(Support.Intake.Validate(order)));
    }

    [Fact]
    public void TheDiscountShareCountsTowardsThePriceDeviation()
    {
        NormalizedOrder order = new OrderBuilder().WithOrderDiscount(8000).WithLines(OrderBuilder.Line("SKU-NS", 15900, 1, "胡桃色;40cm")).Build();

        Assert.True(Support.Intake.Validate(order).Has(HoldCodes.PriceDeviation));
    }

    [Fact]
    public void AClientClockMoreThanThreeSecondsOffIsHeldAsClockSkew() =>
        Assert.Equal([HoldCodes.ClockSkew], Support.Intake.Codes(Support.Intake.Validate(new OrderBuilder().WithClientSubmittedAt(OrderBuilder.ReceivedAt.AddSeconds(-3.5)).Build())));

    [Fact]
    public void AClientClockWithinThreeSecondsOrUnknownIsNoSkew()
    {
        Assert.True(Support.Intake.Validate(new OrderBuilder().WithClientSubmittedAt(OrderBuilder.ReceivedAt.AddSeconds(3)).Build()).IsClean);
        Assert.True(Support.Intake.Validate(new OrderBuilder().WithClientSubmittedAt(null).Build()).IsClean);
    }

    [Fact]
    public void PayingAtLeastTheHighValueThresholdNeedsApproval()
    {
        NormalizedOrder order = new OrderBuilder().WithOrderDiscount(0).WithShipping(0).WithLines(OrderBuilder.Line("SKU-PIL", 7900, 64, "标准款")).Build();

        Assert.Equal(505600, order.AmountPaid.Fen);
        Assert.Equal([HoldCodes.HighValueApproval], Support.Intake.Codes(Support.Intake.Validate(order)));
    }

    [Fact]
    public void JustBelowTheHighValueThresholdNeedsNoApproval() =>
        Assert.True(Support.Intake.Validate(new OrderBuilder().Build(), IntakeRules.Default with { HighValueThreshold = new Money(26001) }).IsClean);

    [Fact]
    public void TheSamePurchaseSeenWithinTheWindowIsASuspectedDuplicate() =>
        Assert.Equal([HoldCodes.SuspectedDuplicate],
            Support.Intake.Codes(Support.Intake.Validate(new OrderBuilder().Build(), lastSeen: OrderBuilder.ReceivedAt.AddMinutes(-9))));

    [Fact]
    public void TheSamePurchaseSeenLongerAgoThanTheWindowIsNoDuplicate() =>
        Assert.True(Support.Intake.Validate(new OrderBuilder().Build(), lastSeen: OrderBuilder.ReceivedAt.AddMinutes(-11)).IsClean);

    [Fact]
    public void SeveralProblemsGiveOneHoldPerReasonEachStampedWithTheReceiveTime()
    {
        NormalizedOrder order = new OrderBuilder().WithReceiver("123").WithAddress("浙江省", "杭州市", "朝阳区").WithAmountPaid(1).Build();

        IntakeValidation validation = Support.Intake.Validate(order, mappings: new InMemorySkuMappings());

        Assert.Equal([HoldCodes.InvalidPhone, HoldCodes.InvalidDivision, HoldCodes.AbnormalAmount, HoldCodes.UnmappedSku], Support.Intake.Codes(validation));
        Assert.All(validation.Holds, hold => Assert.Equal(OrderBuilder.ReceivedAt, hold.At));
        Assert.Contains("SKU-NS", validation.Holds[3].Message);
        Assert.Contains("SKU-PIL", validation.Holds[3].Message);
    }
}
