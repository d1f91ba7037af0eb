namespace OrderActors.Runtime.Tests.Support;

public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _count;

    public async Task<int> IncrementAsync()
    {
        int read = _count;
        await Task.Yield();
        _count = read + 1;
        return _count;
    }

    public Task<int> GetAsync() => Task.FromResult(_count);
}
