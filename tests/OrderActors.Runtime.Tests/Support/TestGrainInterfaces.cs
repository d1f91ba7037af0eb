using OrderActors.Runtime;

namespace OrderActors.Runtime.Tests.Support;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one with an await between read and write, so interleaved turns would lose updates.</summary>
    Task<int> IncrementAsync();

    Task<int> GetAsync();
}

public interface ISequenceGrain : IGrainWithStringKey
{
    Task AppendAsync(int value);

    [OneWay]
    Task AppendOneWayAsync(int value);

    Task<IReadOnlyList<int>> GetAsync();
}

public interface IStoredValueGrain : IGrainWithStringKey
{
    Task SetAsync(string value);

    Task<string?> GetAsync();

    Task ClearAsync();

    Task<string?> GetEtagAsync();
}

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="other"/>.BounceAsync(this key), which calls back: a cycle.</summary>
    Task<string> PingAsync(string other);

    Task<string> BounceAsync(string caller);

    Task<string> PongAsync();
}

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task StartAsync(TimeSpan dueTime, TimeSpan period);

    Task StopAsync();

    Task<int> GetTicksAsync();
}

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task<TimerStats> GetAsync();

    /// <summary>A slow call: timer ticks must wait for it.</summary>
    Task BusyAsync(TimeSpan duration);
}

public interface IFailingGrain : IGrainWithStringKey
{
    Task<int> GetAsync();

    [OneWay]
    Task ExplodeOneWayAsync();
}

public sealed record TimerStats(int Ticks, int Overlaps);
