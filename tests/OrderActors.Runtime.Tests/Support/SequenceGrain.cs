namespace OrderActors.Runtime.Tests.Support;

public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly List<int> _values = [];

    public async Task AppendAsync(int value)
    {
        await Task.Yield();
        _values.Add(value);
    }

    public Task AppendOneWayAsync(int value) => AppendAsync(value);

    public Task<IReadOnlyList<int>> GetAsync() => Task.FromResult<IReadOnlyList<int>>(_values.ToArray());
}
