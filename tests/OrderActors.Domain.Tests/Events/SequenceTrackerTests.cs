using OrderActors.Domain.Events;

namespace OrderActors.Domain.Tests.Events;

public sealed class SequenceTrackerTests
{
    private static readonly DateTime T0 = new(2026, 11, 11, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ContiguousNumbersAreDeliveredOnceAndTheFloorFollowsThem()
    {
        var tracker = new SequenceTracker(TimeSpan.FromSeconds(5));
        tracker.Start(0);

        Assert.Equal([true, true, true], new long[] { 1, 2, 3 }.Select(tracker.TryDeliver));
        tracker.Advance(T0);

        Assert.Equal(3, tracker.Floor);
    }

    [Fact]
    public void ARepeatedNumberIsNotDeliveredAgainAboveOrBelowTheFloor()
    {
        var tracker = new SequenceTracker(TimeSpan.FromSeconds(5));
        tracker.Start(0);
        tracker.TryDeliver(1);
        tracker.TryDeliver(3);
        tracker.Advance(T0);

        Assert.False(tracker.TryDeliver(1));
        Assert.False(tracker.TryDeliver(3));
        Assert.Equal(1, tracker.Floor);
    }

    [Fact]
    public void ARowThatCommitsLateIsStillDeliveredOnce()
    {
        var tracker = new SequenceTracker(TimeSpan.FromSeconds(5));
        tracker.Start(10);

        Assert.True(tracker.TryDeliver(12));
        tracker.Advance(T0);
        Assert.Equal(10, tracker.Floor);
        Assert.True(tracker.TryDeliver(11));
        Assert.False(tracker.TryDeliver(12));
        tracker.Advance(T0.AddSeconds(1));

        Assert.Equal(12, tracker.Floor);
        Assert.False(tracker.TryDeliver(11));
    }

    [Fact]
    public void AGapHoldsTheFloorWhileNumbersAboveItAreStillDelivered()
    {
        var tracker = new SequenceTracker(TimeSpan.FromSeconds(5));
        tracker.Start(0);
        tracker.TryDeliver(1);
        tracker.TryDeliver(3);
        tracker.Advance(T0);

        Assert.True(tracker.TryDeliver(4));
        tracker.Advance(T0.AddSeconds(1));

        Assert.Equal(1, tracker.Floor);
    }

    [Fact]
    public void AGapThatNeverFillsIsGivenUpAfterThePatience()
    {
        var tracker = new SequenceTracker(TimeSpan.FromSeconds(5));
        tracker.Start(0);
        tracker.TryDeliver(2);
        tracker.Advance(T0);

        tracker.Advance(T0.AddSeconds(4));
        Assert.Equal(0, tracker.Floor);
        tracker.Advance(T0.AddSeconds(5));
        Assert.Equal(2, tracker.Floor);
    }

    [Fact]
    public void ThePatienceOfAGapRunsFromWhenItWasFirstSeen()
    {
        var tracker = new SequenceTracker(TimeSpan.FromSeconds(5));
        tracker.Start(0);
        tracker.TryDeliver(2);
        tracker.Advance(T0);
        tracker.TryDeliver(4);
        tracker.Advance(T0.AddSeconds(3));

        tracker.Advance(T0.AddSeconds(5));
        Assert.Equal(2, tracker.Floor);
        tracker.Advance(T0.AddSeconds(8));
        Assert.Equal(4, tracker.Floor);
    }

    [Fact]
    public void NumbersAtOrBelowTheStartAreNotDelivered()
    {
        var tracker = new SequenceTracker(TimeSpan.FromSeconds(5));
        tracker.Start(7);

        Assert.False(tracker.TryDeliver(7));
        Assert.True(tracker.TryDeliver(8));
    }
}
