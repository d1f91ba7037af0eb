using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;
using OrderActors.Domain.Tests.Support;

namespace OrderActors.Domain.Tests.Intake;

public sealed class DuplicateFingerprintTests
{
    private static string Fingerprint(OrderBuilder builder) => DuplicateFingerprint.Compute(builder.Build());

    [Fact]
    public void TheFingerprintIsStableAndIgnoresLineOrderIdsTimesAndSpacing()
    {
        string original = Fingerprint(new OrderBuilder());
        NormalizedOrder reordered = new OrderBuilder()
            .WithLines(OrderBuilder.Line("SKU-PIL", 7000, 2), OrderBuilder.Line("SKU-NS", 15000, 1))
            .WithAddress("浙江省", "杭州市", "西湖区", " 文三路 398号 东方通信大厦 7 楼")
            .WithClientSubmittedAt(null).Build() with { ExternalOrderId = "MP2", CreatedAt = DateTimeOffset.UnixEpoch };

        Assert.Equal(original, DuplicateFingerprint.Compute(reordered));
        Assert.Equal(64, original.Length);
    }

    [Fact]
    public void ADifferentBuyerAddressOrBasketChangesTheFingerprint()
    {
        string original = Fingerprint(new OrderBuilder());

        Assert.NotEqual(original, Fingerprint(new OrderBuilder().WithBuyer("oBuyer2")));
        Assert.NotEqual(original, Fingerprint(new OrderBuilder().WithAddress("浙江省", "杭州市", "西湖区", "文三路399号东方通信大厦7楼")));
        Assert.NotEqual(original, Fingerprint(new OrderBuilder().WithLines(OrderBuilder.Line("SKU-NS", 15000, 2), OrderBuilder.Line("SKU-PIL", 7500, 2))));
    }

    [Fact]
    public void SplittingOneSkuOverTwoLinesIsTheSameBasket() =>
        Assert.Equal(
            Fingerprint(new OrderBuilder().WithLines(OrderBuilder.Line("SKU-PIL", 7500, 2))),
            Fingerprint(new OrderBuilder().WithLines(OrderBuilder.Line("SKU-PIL", 7500, 1), OrderBuilder.Line("SKU-PIL", 7500, 1))));

    [Theory]
    [InlineData(-600, true)]
    [InlineData(600, true)]
    [InlineData(-601, false)]
    public void ADuplicateIsSuspectedOnlyWithinTheWindow(int secondsFromNow, bool suspected) =>
        Assert.Equal(suspected, DuplicateFingerprint.IsSuspectedDuplicate(
            OrderBuilder.ReceivedAt.AddSeconds(secondsFromNow), OrderBuilder.ReceivedAt, TimeSpan.FromMinutes(10)));

    [Fact]
    public void NeverSeenIsNoDuplicate() =>
        Assert.False(DuplicateFingerprint.IsSuspectedDuplicate(null, OrderBuilder.ReceivedAt, TimeSpan.FromMinutes(10)));
}
