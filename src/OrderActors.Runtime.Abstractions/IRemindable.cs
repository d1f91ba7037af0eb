namespace OrderActors.Runtime;

/// <summary>A grain that receives durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called, as a normal turn, each time the reminder named <paramref name="reminderName"/> is due.</summary>
    Task ReceiveReminderAsync(string reminderName, TickStatus status);
}

/// <summary>When a reminder tick was due and when it fired.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickAt, TimeSpan Period, DateTimeOffset DueAt, DateTimeOffset FiredAt);
