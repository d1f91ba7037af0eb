namespace OrderActors.LoadTest.Traffic;

/// <summary>Picks items with probability proportional to a weight.</summary>
public sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedChoice(IEnumerable<T> items, Func<T, double> weight)
    {
        _items = items.ToArray();
        _cumulative = new double[_items.Length];
        double total = 0;
        for (int i = 0; i < _items.Length; i++)
        {
            total += weight(_items[i]);
            _cumulative[i] = total;
        }
        if (_items.Length == 0 || total <= 0)
        {
            throw new ArgumentException("need at least one item with a positive weight", nameof(items));
        }
    }

    public T Pick(Random random) => _items[IndexFor(_cumulative, random.NextDouble() * _cumulative[^1])];

    private static int IndexFor(double[] cumulative, double target)
    {
        int index = Array.BinarySearch(cumulative, target);
        return Math.Min(index >= 0 ? index + 1 : ~index, cumulative.Length - 1);
    }
}
