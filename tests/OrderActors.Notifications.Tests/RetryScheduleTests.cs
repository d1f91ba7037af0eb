using Microsoft.Extensions.Time.Testing;

namespace OrderActors.Notifications.Tests;

public sealed class RetryScheduleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 6, 18, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void CeilingsStartAtFiveSecondsTripleAndStopAtThirtyMinutes()
    {
        TimeSpan[] ceilings = Enumerable.Range(1, 9).Select(a => RetrySchedule.Ceiling(a)).ToArray();

        Assert.Equal(
            [5, 15, 45, 135, 405, 1215, 1800, 1800, 1800],
            ceilings.Select(c => c.TotalSeconds).ToArray());
    }

    [Fact]
    public void EveryDelayLiesBetweenZeroAndItsCeilingAndIsDueThatLongFromNow()
    {
        var random = new Random(16);
        for (int attempt = 1; attempt < RetryScheduleOptions.Default.MaxAttempts; attempt++)
        {
            for (int i = 0; i < 500; i++)
            {
                RetryDecision decision = RetrySchedule.Next(attempt, random, _time);

                Assert.True(decision.RetryLater);
                Assert.InRange(decision.Delay!.Value, TimeSpan.Zero, RetrySchedule.Ceiling(attempt));
                Assert.Equal(_time.GetUtcNow() + decision.Delay.Value, decision.NextAttemptAt);
            }
        }
    }

    [Fact]
    public void FullJitterSpreadsDelaysAcrossTheWholeRange()
    {
        var random = new Random(42);
        TimeSpan ceiling = RetrySchedule.Ceiling(4);

        double[] fractions = Enumerable.Range(0, 2000).Select(_ => RetrySchedule.Next(4, random, _time).Delay!.Value / ceiling).ToArray();

        Assert.True(fractions.Min() < 0.02, $"min {fractions.Min()}");
        Assert.True(fractions.Max() > 0.98, $"max {fractions.Max()}");
        Assert.InRange(fractions.Average(), 0.45, 0.55);
        Assert.All(Enumerable.Range(0, 10), decile => Assert.InRange(fractions.Count(f => (int)(f * 10) == decile), 140, 260));
    }

    [Fact]
    public void TheSameSeedGivesTheSameSchedule()
    {
        TimeSpan?[] first = Enumerable.Range(1, 7).Select(a => RetrySchedule.Next(a, new Random(7), _time).Delay).ToArray();
        TimeSpan?[] second = Enumerable.Range(1, 7).Select(a => RetrySchedule.Next(a, new Random(7), _time).Delay).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void TheEighthFailedAttemptDeadLetters()
    {
        Assert.True(RetrySchedule.Next(7, Random.Shared, _time).RetryLater);

        RetryDecision last = RetrySchedule.Next(8, Random.Shared, _time);

        Assert.True(last.DeadLettered);
        Assert.False(last.RetryLater);
        Assert.Null(last.NextAttemptAt);
        Assert.Equal("gave up after 8 attempts", last.Reason);
    }

    [Fact]
    public void AfterADeliveryResult()
    {
        Assert.Equal(RetryDecision.Done, RetrySchedule.After(DeliveryResult.Ok(200), 1, Random.Shared, _time));
        Assert.True(RetrySchedule.After(DeliveryResult.Transient(503, "HTTP 503"), 1, Random.Shared, _time).RetryLater);

        RetryDecision permanent = RetrySchedule.After(DeliveryResult.Permanent(200, "code 93000: invalid webhook url"), 1, Random.Shared, _time);

        Assert.True(permanent.DeadLettered);
        Assert.Equal("code 93000: invalid webhook url", permanent.Reason);
    }

    [Fact]
    public void AShapeOfItsOwnIsHonoured()
    {
        var quick = new RetryScheduleOptions(TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(3), 4);

        Assert.Equal([1, 2, 3, 3], Enumerable.Range(1, 4).Select(a => RetrySchedule.Ceiling(a, quick).TotalSeconds).ToArray());
        Assert.True(RetrySchedule.Next(3, Random.Shared, _time, quick).RetryLater);
        Assert.True(RetrySchedule.Next(4, Random.Shared, _time, quick).DeadLettered);
    }

    [Fact]
    public void NonsenseIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrySchedule.Next(0, Random.Shared, _time));
        Assert.Throws<ArgumentException>(() => RetrySchedule.Next(1, Random.Shared, _time, new RetryScheduleOptions(TimeSpan.Zero, 2, TimeSpan.FromMinutes(1), 3)));
        Assert.Throws<ArgumentException>(() => RetrySchedule.Next(1, Random.Shared, _time, new RetryScheduleOptions(TimeSpan.FromSeconds(1), 0.5, TimeSpan.FromMinutes(1), 3)));
    }

    [Fact]
    public void HugeAttemptCountsStayAtTheCap() =>
        Assert.Equal(TimeSpan.FromMinutes(30), RetrySchedule.Ceiling(10_000));
}
