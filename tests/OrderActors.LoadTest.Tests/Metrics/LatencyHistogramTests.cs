using OrderActors.LoadTest.Metrics;

namespace OrderActors.LoadTest.Tests.Metrics;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(0.50)]
    [InlineData(0.90)]
    [InlineData(0.99)]
    [InlineData(0.999)]
    public void PercentilesOfALogNormalSampleAreWithinOneBucketOfTheExactValue(double quantile)
    {
        var random = new Random(17);
        long[] samples = Enumerable.Range(0, 200_000)
            .Select(_ => (long)Math.Exp(8 + 1.2 * Gaussian(random)))
            .ToArray();
        var histogram = new LatencyHistogram();
        foreach (long micros in samples)
        {
            histogram.RecordMicros(micros);
        }
        Array.Sort(samples);
        long exact = samples[(int)Math.Ceiling(quantile * samples.Length) - 1];

        double measured = histogram.Percentile(quantile).TotalMicroseconds;

        Assert.InRange(measured, exact * (1 - 1.0 / LatencyHistogram.SubBuckets), exact * (1 + 1.0 / LatencyHistogram.SubBuckets));
    }

    [Fact]
    public void SmallValuesAreExactAndTheMaximumIsKept()
    {
        var histogram = new LatencyHistogram();
        foreach (long micros in new long[] { 3, 3, 7, 12, 31 })
        {
            histogram.RecordMicros(micros);
        }

        Assert.Equal(3, histogram.Percentile(0.2).TotalMicroseconds);
        Assert.Equal(7, histogram.Percentile(0.6).TotalMicroseconds);
        Assert.Equal(31, histogram.Percentile(1.0).TotalMicroseconds);
        Assert.Equal(TimeSpan.FromMicroseconds(31), histogram.Max);
        Assert.Equal(5, histogram.Count);
    }

    [Fact]
    public void EveryValueFallsInsideItsBucketAndBucketsAreNoWiderThanOneThirtySecondOfTheirStart()
    {
        foreach (long micros in new long[] { 0, 31, 32, 33, 63, 64, 1_000, 123_456, 10_000_000, 3_600_000_000 })
        {
            (long low, long high) = LatencyHistogram.BucketRange(LatencyHistogram.IndexOf(micros));

            Assert.InRange(micros, low, high);
            Assert.True(high - low + 1 <= Math.Max(1, low / LatencyHistogram.SubBuckets), $"{micros}: [{low}, {high}]");
        }
    }

    [Fact]
    public void RecordingFromManyThreadsLosesNothingAndAddingMerges()
    {
        var first = new LatencyHistogram();
        Parallel.For(0, 100_000, i => first.RecordMicros(i % 5_000));
        var second = new LatencyHistogram();
        second.RecordMicros(9_000_000);

        second.Add(first);

        Assert.Equal(100_000, first.Count);
        Assert.Equal(100_001, second.Count);
        Assert.Equal(TimeSpan.FromSeconds(9), second.Max);
    }

    [Fact]
    public void AnEmptyHistogramReportsZero()
    {
        Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(0.99));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
