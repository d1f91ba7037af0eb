using System.Collections.Immutable;
using Orleans;

namespace OrderActors.Abstractions.Events;

/// <summary>Sequence numbers <see cref="From"/> to <see cref="To"/>, both included.</summary>
[GenerateSerializer, Immutable, Alias("oa.SeqRange")]
public readonly record struct SeqRange(long From, long To);

/// <summary>
/// Which hub event numbers a stream consumer took in, small enough to keep in its state: every number up to
/// <see cref="Floor"/> counts as seen, and <see cref="Above"/> holds the seen numbers past it as runs. The numbers
/// are shared by all tenants, so one tenant's are never contiguous and the floor cannot just follow them; it moves
/// to the relay's watermark (every number up to it was published before the event carrying it) once that watermark
/// has been held for the stream's redelivery horizon. Not sooner: a message handed to a silo that died stays hidden
/// until its visibility timeout and arrives after later ones, and must not be taken for a repeat then.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.SeenSequences")]
public sealed record SeenSequences
{
    public static SeenSequences Empty { get; } = new();

    /// <summary>Every number up to here counts as seen.</summary>
    [Id(0)]
    public long Floor { get; init; }

    /// <summary>The seen numbers above the floor, as ascending runs with a gap between any two.</summary>
    [Id(1)]
    public ImmutableArray<SeqRange> Above { get; init; } = [];

    /// <summary>The watermark waiting out the hold before the floor moves to it (at most the floor: none).</summary>
    [Id(2)]
    public long Held { get; init; }

    [Id(3)]
    public DateTimeOffset HeldSince { get; init; }

    public bool Contains(long seq)
    {
        int run = LastRunFrom(seq);
        return seq <= Floor || (run >= 0 && Above[run].To >= seq);
    }

    /// <summary>These numbers with <paramref name="seq"/> seen too.</summary>
    public SeenSequences Add(long seq)
    {
        if (Contains(seq))
        {
            return this;
        }
        int before = LastRunFrom(seq);
        int after = before + 1;
        bool joinsBefore = before >= 0 && Above[before].To == seq - 1;
        bool joinsAfter = after < Above.Length && Above[after].From == seq + 1;
        ImmutableArray<SeqRange>.Builder runs = Above.ToBuilder();
        if (joinsBefore && joinsAfter)
        {
            runs[before] = new SeqRange(runs[before].From, runs[after].To);
            runs.RemoveAt(after);
        }
        else if (joinsBefore)
        {
            runs[before] = runs[before] with { To = seq };
        }
        else if (joinsAfter)
        {
            runs[after] = runs[after] with { From = seq };
        }
        else
        {
            runs.Insert(after, new SeqRange(seq, seq));
        }
        return WithFloor(Floor, runs.ToImmutable());
    }

    /// <summary>
    /// Takes in the watermark a delivered event carried: the floor moves to the held watermark once it was held for
    /// <paramref name="hold"/>, and a watermark above the floor is held when none is.
    /// </summary>
    public SeenSequences Observe(long watermark, DateTimeOffset now, TimeSpan hold)
    {
        SeenSequences next = Held > Floor && now - HeldSince >= hold ? WithFloor(Held, Above) : this;
        return watermark > next.Floor && next.Held <= next.Floor ? next with { Held = watermark, HeldSince = now } : next;
    }

    private SeenSequences WithFloor(long floor, ImmutableArray<SeqRange> runs)
    {
        int covered = 0;
        while (covered < runs.Length && runs[covered].From <= floor + 1)
        {
            floor = Math.Max(floor, runs[covered].To);
            covered++;
        }
        return this with { Floor = floor, Above = covered == 0 ? runs : runs.RemoveRange(0, covered) };
    }

    /// <summary>The index of the last run starting at or below <paramref name="seq"/>, or -1.</summary>
    private int LastRunFrom(long seq)
    {
        int low = 0;
        int high = Above.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            if (Above[middle].From <= seq)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return high;
    }
}
