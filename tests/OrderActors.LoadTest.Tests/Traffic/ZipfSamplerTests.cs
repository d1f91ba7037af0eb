using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Tests.Traffic;

public sealed class ZipfSamplerTests
{
    [Fact]
    public void ProbabilitiesFollowOneOverRankToTheExponentAndSumToOne()
    {
        var sampler = new ZipfSampler(100, 1.1);

        double total = Enumerable.Range(0, 100).Sum(sampler.Probability);

        Assert.Equal(1.0, total, 9);
        Assert.Equal(Math.Pow(2, 1.1), sampler.Probability(0) / sampler.Probability(1), 9);
        Assert.Equal(Math.Pow(10, 1.1), sampler.Probability(0) / sampler.Probability(9), 9);
    }

    [Fact]
    public void DrawnFrequenciesMatchTheDistributionWithinSamplingError()
    {
        var sampler = new ZipfSampler(50, 1.1);
        var random = new Random(3);
        const int Draws = 400_000;
        int[] counts = new int[50];

        for (int i = 0; i < Draws; i++)
        {
            counts[sampler.Sample(random)]++;
        }

        for (int rank = 0; rank < 50; rank++)
        {
            double expected = sampler.Probability(rank) * Draws;
            double sigma = Math.Sqrt(expected * (1 - sampler.Probability(rank)));
            Assert.InRange(counts[rank], expected - 5 * sigma, expected + 5 * sigma);
        }
    }

    [Fact]
    public void AFewHotRanksTakeALargeShareAndTheTailIsLong()
    {
        var sampler = new ZipfSampler(120, 1.1);

        double topThree = Enumerable.Range(0, 3).Sum(sampler.Probability);
        double bottomHalf = Enumerable.Range(60, 60).Sum(sampler.Probability);

        Assert.InRange(topThree, 0.30, 0.45);
        Assert.InRange(bottomHalf, 0.05, 0.15);
    }

    [Fact]
    public void ExponentZeroIsUniform()
    {
        var sampler = new ZipfSampler(8, 0);

        Assert.All(Enumerable.Range(0, 8), rank => Assert.Equal(0.125, sampler.Probability(rank), 12));
    }
}
