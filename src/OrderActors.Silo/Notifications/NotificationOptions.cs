using OrderActors.Notifications;

namespace OrderActors.Silo.Notifications;

/// <summary>The outbox's pace (the "Notifications" section).</summary>
public sealed class NotificationOptions
{
    /// <summary>How often a silo fans out new hub events and sends what is due.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed notification is a silo's alone; one whose silo died is sent by another after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How old a hub event must be before it is fanned out: every transaction that took a lower sequence number has committed by then.</summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many due notifications one poll sends, at most.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>The wait between failed attempts: first ceiling, growth, cap, attempts before the dead letter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = RetryScheduleOptions.Default.BaseDelay;

    public double RetryFactor { get; set; } = RetryScheduleOptions.Default.Factor;

    public TimeSpan RetryMaxDelay { get; set; } = RetryScheduleOptions.Default.MaxDelay;

    public int MaxAttempts { get; set; } = RetryScheduleOptions.Default.MaxAttempts;

    /// <summary>The coupon code an unpaid reminder offers (seed 002: a reminder with a coupon), if any.</summary>
    public string? UnpaidCouponCode { get; set; }

    public RetryScheduleOptions RetrySchedule => new(RetryBaseDelay, RetryFactor, RetryMaxDelay, MaxAttempts);
}
