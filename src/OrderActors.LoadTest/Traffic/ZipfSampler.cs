namespace OrderActors.LoadTest.Traffic;

/// <summary>
/// Draws ranks 0…n−1 with probability proportional to 1 / (rank + 1)^s: a few best sellers and a long tail, the
/// shape of real SKU demand. Sampling is a binary search over the precomputed cumulative distribution.
/// </summary>
public sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "need at least one rank");
        }
        if (exponent < 0 || double.IsNaN(exponent))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "the exponent must be ≥ 0");
        }
        _cumulative = new double[count];
        double total = 0;
        for (int rank = 0; rank < count; rank++)
        {
            total += Math.Pow(rank + 1, -exponent);
            _cumulative[rank] = total;
        }
        for (int rank = 0; rank < count; rank++)
        {
            _cumulative[rank] /= total;
        }
        _cumulative[^1] = 1.0;
    }

    public int Count => _cumulative.Length;

    /// <summary>The probability of drawing <paramref name="rank"/>.</summary>
    public double Probability(int rank) => rank == 0 ? _cumulative[0] : _cumulative[rank] - _cumulative[rank - 1];

    /// <summary>One rank drawn with <paramref name="random"/>.</summary>
    public int Sample(Random random)
    {
        double u = random.NextDouble();
        int index = Array.BinarySearch(_cumulative, u);
        int rank = index >= 0 ? index + 1 : ~index;
        return Math.Min(rank, _cumulative.Length - 1);
    }
}
