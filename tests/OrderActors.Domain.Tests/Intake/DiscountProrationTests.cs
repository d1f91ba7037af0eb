using FsCheck;
using FsCheck.Fluent;
using OrderActors.Abstractions.Common;
using OrderActors.Domain.Intake;

namespace OrderActors.Domain.Tests.Intake;

public sealed class DiscountProrationTests
{
    private static Money[] Fen(params long[] amounts) => amounts.Select(fen => new Money(fen)).ToArray();

    [Fact]
    public void FiftyYuanOffAThreeHundredYuanOrderGivesAHundredFiftyYuanItemTwentyFiveYuan() =>
        Assert.Equal(Fen(2500, 2500), DiscountProration.Allocate(new Money(5000), Fen(15000, 15000)));

    [Fact]
    public void TheLeftoverFenGoToTheLargestRemaindersAndTiesToTheEarlierLine()
    {
        Assert.Equal(Fen(34, 33, 33), DiscountProration.Allocate(new Money(100), Fen(1, 1, 1)));
        Assert.Equal(Fen(1, 3), DiscountProration.Allocate(new Money(4), Fen(100, 299)));
    }

    [Fact]
    public void ZeroWeightLinesGetNothingUnlessAllWeightsAreZero()
    {
        Assert.Equal(Fen(0, 500), DiscountProration.Allocate(new Money(500), Fen(0, 7)));
        Assert.Equal(Fen(250, 250), DiscountProration.Allocate(new Money(500), Fen(0, 0)));
    }

    [Fact]
    public void ANegativeAmountToSplitIsAProgrammingError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscountProration.Allocate(new Money(-1), Fen(1)));

    [Fact]
    public void SharesAlwaysSumExactlyAndNeverStrayMoreThanOneFenFromTheExactShare()
    {
        Gen<(long Total, long[] Weights)> cases =
            from total in Gen.Choose(0, 2_000_000)
            from count in Gen.Choose(1, 12)
            from weights in Gen.Choose(0, 5_000_000).ArrayOf(count)
            select ((long)total, weights.Select(w => (long)w).ToArray());

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            IReadOnlyList<Money> shares = DiscountProration.Allocate(new Money(c.Total), Fen(c.Weights));
            long weightSum = c.Weights.Sum();
            bool sums = shares.Sum(share => share.Fen) == c.Total;
            bool close = weightSum == 0 || shares.Select((share, i) =>
                Math.Abs(share.Fen - (decimal)c.Total * c.Weights[i] / weightSum) < 1m).All(ok => ok);
            return sums && close && shares.All(share => share.Fen >= 0);
        }).QuickCheckThrowOnFailure();
    }
}
