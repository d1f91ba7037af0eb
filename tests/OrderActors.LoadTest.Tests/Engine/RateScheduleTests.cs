using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Tests.Engine;

public sealed class RateScheduleTests
{
    private static readonly RateSchedule _schedule = new(LoadTestOptions.Phased(
        50, TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)));

    [Fact]
    public void EachPhaseIssuesRateTimesDurationOrdersInsideItsOwnWindow()
    {
        ScheduledArrival[] arrivals = _schedule.Arrivals().ToArray();

        Assert.Equal(500 + 2000 + 250, arrivals.Length);
        Assert.Equal([500, 2000, 250], arrivals.GroupBy(arrival => arrival.Phase).Select(group => group.Count()));
        Assert.All(arrivals, arrival =>
            Assert.InRange(arrival.Due, _schedule.StartOf(arrival.Phase), _schedule.EndOf(arrival.Phase) - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void ArrivalsAreEvenlySpacedAtOneOverTheRateAndNeverGoBackwards()
    {
        ScheduledArrival[] spike = _schedule.Arrivals().Where(arrival => arrival.Phase == 1).ToArray();
        TimeSpan[] gaps = spike.Zip(spike.Skip(1), (a, b) => b.Due - a.Due).ToArray();

        Assert.All(gaps, gap => Assert.InRange(gap.TotalMilliseconds, 4.999, 5.001));
        Assert.Equal(_schedule.StartOf(1), spike[0].Due);
        Assert.True(_schedule.Arrivals().Zip(_schedule.Arrivals().Skip(1)).All(pair => pair.First.Due <= pair.Second.Due));
    }

    [Fact]
    public void TheSpikeIsFourTimesTheBaselineAndRecoveryReturnsToIt()
    {
        Assert.Equal(["baseline", "spike", "recovery"], _schedule.Phases.Select(phase => phase.Name));
        Assert.Equal(4 * _schedule.Phases[0].RatePerSecond, _schedule.Phases[1].RatePerSecond);
        Assert.Equal(_schedule.Phases[0].RatePerSecond, _schedule.Phases[2].RatePerSecond);
        Assert.Equal(TimeSpan.FromSeconds(25), _schedule.Total);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(9.999, 0)]
    [InlineData(10, 1)]
    [InlineData(24.9, 2)]
    [InlineData(40, 2)]
    public void PhaseAtNamesThePhaseRunningAtAnOffset(double seconds, int phase)
    {
        Assert.Equal(phase, _schedule.PhaseAt(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void AFractionalRateRoundsTheCountAndKeepsTheSpacing()
    {
        var schedule = new RateSchedule([new PhaseSpec("only", 2.5, TimeSpan.FromSeconds(3))]);

        Assert.Equal([0.0, 0.375, 0.75, 1.125, 1.5, 1.875, 2.25, 2.625], schedule.Arrivals().Select(arrival => arrival.Due.TotalSeconds));
    }
}
