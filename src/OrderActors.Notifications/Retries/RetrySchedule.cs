namespace OrderActors.Notifications;

/// <summary>
/// The outbox's schedule between delivery attempts: exponential backoff with full jitter, capped, and a dead letter
/// after <see cref="RetryScheduleOptions.MaxAttempts"/>. The ceiling after attempt n is
/// min(cap, base × factor^(n−1)) and the delay is drawn uniformly from [0, ceiling) — by default 5 s, 15 s, 45 s,
/// 2 min 15 s, 6 min 45 s, 20 min 15 s, 30 min, then the eighth failure dead-letters (about 90 minutes of ceilings,
/// enough to ride out a platform's outage or an hour's rate limit). Pure: the caller brings the randomness and the clock.
/// </summary>
public static class RetrySchedule
{
    /// <summary>
    /// What to do after the <paramref name="attempt"/>-th attempt (1-based) failed retryably. A non-retryable failure
    /// dead-letters at once whatever the count: see <see cref="After"/>.
    /// </summary>
    public static RetryDecision Next(int attempt, Random random, TimeProvider time, RetryScheduleOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(time);
        options ??= RetryScheduleOptions.Default;
        options.Validate();
        if (attempt >= options.MaxAttempts)
        {
            return RetryDecision.DeadLetter($"gave up after {attempt} attempts");
        }
        TimeSpan ceiling = Ceiling(attempt, options);
        var delay = TimeSpan.FromTicks((long)(random.NextDouble() * ceiling.Ticks));
        return new RetryDecision(false, delay, time.GetUtcNow() + delay, null);
    }

    /// <summary>The decision for an attempt's <paramref name="result"/>: done, retry later, or dead letter.</summary>
    public static RetryDecision After(DeliveryResult result, int attempt, Random random, TimeProvider time, RetryScheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Delivered)
        {
            return RetryDecision.Done;
        }
        return result.Retryable
            ? Next(attempt, random, time, options)
            : RetryDecision.DeadLetter(result.Error ?? "not retryable");
    }

    /// <summary>The largest delay after the <paramref name="attempt"/>-th failure.</summary>
    public static TimeSpan Ceiling(int attempt, RetryScheduleOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        options ??= RetryScheduleOptions.Default;
        double ticks = options.BaseDelay.Ticks * Math.Pow(options.Factor, attempt - 1);
        return ticks >= options.MaxDelay.Ticks || double.IsInfinity(ticks) ? options.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>The schedule's shape: first ceiling, growth factor, cap and how many attempts before a dead letter.</summary>
public sealed record RetryScheduleOptions(TimeSpan BaseDelay, double Factor, TimeSpan MaxDelay, int MaxAttempts)
{
    /// <summary>5 s, ×3, capped at 30 min, dead letter after 8 attempts.</summary>
    public static RetryScheduleOptions Default { get; } = new(TimeSpan.FromSeconds(5), 3, TimeSpan.FromMinutes(30), 8);

    internal void Validate()
    {
        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay || Factor < 1 || MaxAttempts < 1)
        {
            throw new ArgumentException("a retry schedule needs a positive base delay, a cap no smaller, a factor of at least 1 and at least one attempt");
        }
    }
}

/// <summary>
/// After an attempt: <see cref="DeadLettered"/> with a <see cref="Reason"/>, or a retry after <see cref="Delay"/>
/// at <see cref="NextAttemptAt"/>; <see cref="Done"/> when delivered.
/// </summary>
public sealed record RetryDecision(bool DeadLettered, TimeSpan? Delay, DateTimeOffset? NextAttemptAt, string? Reason)
{
    /// <summary>Delivered: nothing more to do.</summary>
    public static RetryDecision Done { get; } = new(false, null, null, null);

    /// <summary>Stop and keep the notification in the dead-letter state.</summary>
    public static RetryDecision DeadLetter(string reason) => new(true, null, null, reason);

    /// <summary>Whether another attempt is due.</summary>
    public bool RetryLater => !DeadLettered && Delay is not null;
}
