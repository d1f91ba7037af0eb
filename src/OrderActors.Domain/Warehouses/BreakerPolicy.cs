using System.Globalization;
using OrderActors.Abstractions.Warehouses;

namespace OrderActors.Domain.Warehouses;

/// <summary>Pure decisions about a warehouse's breaker: sensor trips, carrier silence, the cool-down probe.</summary>
public static class BreakerPolicy
{
    /// <summary>
    /// Folds a temperature reading into the "above the limit since" clock. Trips once the temperature
    /// stayed above the limit for the sustained period; a reading at or below the limit resets the clock.
    /// </summary>
    public static SensorVerdict OnReading(bool coldChain, DateTimeOffset? aboveSince, SensorReading reading, BreakerRules rules)
    {
        if (!coldChain || reading.TemperatureC <= rules.ColdChainLimitC)
        {
            return new SensorVerdict(null, null);
        }
        DateTimeOffset since = aboveSince is { } earlier && earlier <= reading.At ? earlier : reading.At;
        TimeSpan above = reading.At - since;
        string? trip = above >= rules.SustainedFor
            ? string.Create(CultureInfo.InvariantCulture,
                $"cold chain at {reading.TemperatureC:0.0} °C, above {rules.ColdChainLimitC:0.#} °C for {above.TotalMinutes:0.#} min")
            : null;
        return new SensorVerdict(since, trip);
    }

    /// <summary>The reason to trip when the carrier feed has been silent too long, else null.</summary>
    public static string? CarrierSilence(DateTimeOffset? lastCarrierEventAt, DateTimeOffset now, BreakerRules rules)
    {
        if (lastCarrierEventAt is not { } last || now - last < rules.CarrierSilence)
        {
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture, $"carrier feed silent for {(now - last).TotalMinutes:0} min (limit {rules.CarrierSilence.TotalMinutes:0} min)");
    }

    /// <summary>Whether an open breaker may move to half-open now: cooled down, and its cause cleared.</summary>
    public static bool MayProbe(BreakerStatus breaker, DateTimeOffset now, bool causeCleared, BreakerRules rules) =>
        breaker.State == BreakerState.Open && now - breaker.Since >= rules.CoolDown && causeCleared;
}

/// <summary>The new "above the limit since" clock (null: not above) and, if the breaker must trip, why.</summary>
public sealed record SensorVerdict(DateTimeOffset? AboveSince, string? TripReason);
