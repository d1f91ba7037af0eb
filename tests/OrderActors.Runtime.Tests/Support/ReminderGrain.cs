namespace OrderActors.Runtime.Tests.Support;

public sealed record ReminderTicks
{
    public int Ticks { get; init; }
}

public sealed class ReminderGrain([PersistentState("ticks")] IPersistentState<ReminderTicks> state) : Grain, IReminderGrain
{
    public Task StartAsync(TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminderAsync("tick", dueTime, period);

    public Task StopAsync() => UnregisterReminderAsync("tick");

    public Task<int> GetTicksAsync() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status)
    {
        state.State = state.State with { Ticks = state.State.Ticks + 1 };
        await state.WriteStateAsync();
    }
}
