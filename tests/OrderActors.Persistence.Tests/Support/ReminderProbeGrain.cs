namespace OrderActors.Persistence.Tests.Support;

/// <summary>Counts its reminder's ticks in its persistent state.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Registers (or re-registers) the reminder "tick" with the period given.</summary>
    Task StartAsync(TimeSpan period);

    /// <summary>Reads the reminder back, and all of the grain's reminders.</summary>
    Task<int> CountRemindersAsync();

    /// <summary>Unregisters the reminder.</summary>
    Task StopAsync();

    /// <summary>How many ticks were recorded.</summary>
    Task<int> GetTicksAsync();
}

public sealed class TickState
{
    public int Ticks { get; set; }
}

[GrainType("reminderprobe")]
public sealed class ReminderProbeGrain([PersistentState("ticks")] IPersistentState<TickState> state) : Grain, IReminderProbeGrain
{
    public const string ReminderName = "tick";

    public Task StartAsync(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task<int> CountRemindersAsync()
    {
        IGrainReminder? reminder = await this.GetReminder(ReminderName);
        IReadOnlyList<IGrainReminder> all = await this.GetReminders();
        return reminder is null ? 0 : all.Count;
    }

    public async Task StopAsync()
    {
        IGrainReminder? reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<int> GetTicksAsync() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
