using OrderActors.Abstractions.Events;

namespace OrderActors.Domain.Tests.Events;

public sealed class SeenSequencesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);

    [Fact]
    public void ANumberIsSeenOnceAddedAndNotBefore()
    {
        SeenSequences seen = SeenSequences.Empty.Add(5);

        Assert.True(seen.Contains(5));
        Assert.False(seen.Contains(4));
        Assert.False(seen.Contains(6));
        Assert.Same(seen, seen.Add(5));
    }

    [Fact]
    public void TheFloorFollowsContiguousNumbersAndTheRunsAboveItMerge()
    {
        SeenSequences seen = Add(SeenSequences.Empty, 1, 2, 5, 7, 6, 3);

        Assert.Equal(3, seen.Floor);
        Assert.Equal([new SeqRange(5, 7)], seen.Above.ToArray());
        Assert.True(seen.Contains(2));
        Assert.False(seen.Contains(4));
        Assert.Equal(7, seen.Add(4).Floor);
        Assert.Empty(seen.Add(4).Above);
    }

    [Fact]
    public void ALowerNumberArrivingLateIsNewAndFillsItsGap()
    {
        SeenSequences seen = Add(SeenSequences.Empty, 10, 12, 13);

        Assert.False(seen.Contains(11));
        seen = seen.Add(11);

        Assert.Equal([new SeqRange(10, 13)], seen.Above.ToArray());
        Assert.True(seen.Contains(11));
    }

    [Fact]
    public void AWatermarkMovesTheFloorOnlyAfterTheHold()
    {
        SeenSequences seen = Add(SeenSequences.Empty, 3, 7, 9).Observe(8, T0, Hold);

        SeenSequences early = seen.Observe(9, T0 + Hold - TimeSpan.FromSeconds(1), Hold);
        SeenSequences late = seen.Observe(9, T0 + Hold, Hold);

        Assert.Equal((0, 3), (early.Floor, early.Above.Length));
        Assert.False(early.Contains(5));
        Assert.Equal(9, late.Floor);
        Assert.Empty(late.Above);
        Assert.True(late.Contains(5));
    }

    [Fact]
    public void AnEventDeliveredLateWithinTheHoldIsStillNew()
    {
        SeenSequences seen = Add(SeenSequences.Empty, 4, 6).Observe(5, T0, Hold);

        seen = seen.Observe(6, T0 + TimeSpan.FromMinutes(2), Hold);

        Assert.False(seen.Contains(5));
        Assert.True(seen.Add(5).Contains(5));
    }

    [Fact]
    public void TheNewestWatermarkIsHeldOnceTheOlderOneIsTaken()
    {
        SeenSequences seen = SeenSequences.Empty.Add(20).Observe(10, T0, Hold).Observe(19, T0 + TimeSpan.FromMinutes(1), Hold);

        seen = seen.Observe(19, T0 + Hold, Hold);
        Assert.Equal((10L, 19L, T0 + Hold), (seen.Floor, seen.Held, seen.HeldSince));
        seen = seen.Observe(19, T0 + Hold + Hold, Hold);

        Assert.Equal(20, seen.Floor);
        Assert.Empty(seen.Above);
    }

    [Fact]
    public void HeldWatermarksKeepTheRunsFewWhenOtherTenantsShareTheSequence()
    {
        SeenSequences seen = SeenSequences.Empty;
        for (long seq = 2; seq <= 2_000; seq += 2)
        {
            seen = seen.Add(seq).Observe(seq - 1, T0 + TimeSpan.FromSeconds(seq), TimeSpan.FromSeconds(100));
        }

        Assert.InRange(seen.Above.Length, 1, 100);
        Assert.True(seen.Floor > 1_700);
    }

    private static SeenSequences Add(SeenSequences seen, params long[] seqs) => seqs.Aggregate(seen, (s, seq) => s.Add(seq));
}
