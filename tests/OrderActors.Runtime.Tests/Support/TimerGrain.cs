namespace OrderActors.Runtime.Tests.Support;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private int _ticks;
    private int _overlaps;
    private bool _inCall;

    public Task StartAsync(TimeSpan period)
    {
        RegisterGrainTimer(async _ =>
        {
            if (_inCall)
            {
                _overlaps++;
            }
            await Task.Yield();
            _ticks++;
        }, period, period);
        return Task.CompletedTask;
    }

    public Task<TimerStats> GetAsync() => Task.FromResult(new TimerStats(_ticks, _overlaps));

    public async Task BusyAsync(TimeSpan duration)
    {
        _inCall = true;
        await Task.Delay(duration);
        _inCall = false;
    }
}
