namespace OrderActors.LoadTest.Engine;

/// <summary>One scheduled new order: the phase it belongs to and when, from the start of the run, it is due.</summary>
public readonly record struct ScheduledArrival(int Phase, TimeSpan Due);

/// <summary>
/// When each new order is due, phase after phase: phase k issues rate × duration orders evenly spaced from its
/// start, whatever the answers (open loop). Pure arithmetic, so the schedule can be checked without a clock.
/// </summary>
public sealed class RateSchedule
{
    private readonly TimeSpan[] _starts;

    public RateSchedule(IReadOnlyList<PhaseSpec> phases)
    {
        if (phases.Count == 0)
        {
            throw new ArgumentException("need at least one phase", nameof(phases));
        }
        if (phases.Any(phase => phase.RatePerSecond < 0 || phase.Duration <= TimeSpan.Zero))
        {
            throw new ArgumentException("phases need a rate ≥ 0 and a positive duration", nameof(phases));
        }
        Phases = phases;
        _starts = new TimeSpan[phases.Count];
        TimeSpan start = TimeSpan.Zero;
        for (int i = 0; i < phases.Count; i++)
        {
            _starts[i] = start;
            start += phases[i].Duration;
        }
        Total = start;
    }

    public IReadOnlyList<PhaseSpec> Phases { get; }

    /// <summary>When the last phase ends, from the start of the run.</summary>
    public TimeSpan Total { get; }

    public TimeSpan StartOf(int phase) => _starts[phase];

    public TimeSpan EndOf(int phase) => _starts[phase] + Phases[phase].Duration;

    /// <summary>The index of the phase running at <paramref name="offset"/>; the last phase from its end on.</summary>
    public int PhaseAt(TimeSpan offset)
    {
        for (int i = Phases.Count - 1; i > 0; i--)
        {
            if (offset >= _starts[i])
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>Every new order of the run in due order.</summary>
    public IEnumerable<ScheduledArrival> Arrivals()
    {
        for (int phase = 0; phase < Phases.Count; phase++)
        {
            long count = Phases[phase].ArrivalCount;
            double spacingTicks = count == 0 ? 0 : (double)Phases[phase].Duration.Ticks / count;
            for (long i = 0; i < count; i++)
            {
                yield return new ScheduledArrival(phase, _starts[phase] + TimeSpan.FromTicks((long)(i * spacingTicks)));
            }
        }
    }
}
