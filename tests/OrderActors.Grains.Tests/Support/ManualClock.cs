namespace OrderActors.Grains.Tests.Support;

/// <summary>Wall-clock time the test moves by hand; timers and timestamps stay real.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 11, 2, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
