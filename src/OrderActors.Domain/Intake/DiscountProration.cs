using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Intake;

/// <summary>Splits an order-level amount over lines in proportion to their weights, in whole fen that add up exactly.</summary>
public static class DiscountProration
{
    /// <summary>
    /// Largest-remainder split: each line gets the floor of its exact share, and the fen left over go one each to the
    /// lines with the largest remainders (earlier lines first on ties). Lines of zero weight get nothing unless every
    /// weight is zero, when the amount is split evenly. Negative weights count as zero.
    /// </summary>
    public static IReadOnlyList<Money> Allocate(Money total, IReadOnlyList<Money> weights)
    {
        if (total.Fen < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "The amount to split must not be negative.");
        }
        if (weights.Count == 0)
        {
            return [];
        }
        Int128[] w = weights.Select(m => (Int128)Math.Max(0, m.Fen)).ToArray();
        Int128 sum = w.Aggregate(Int128.Zero, (a, b) => a + b);
        if (sum == 0)
        {
            Array.Fill(w, Int128.One);
            sum = w.Length;
        }
        var shares = new long[w.Length];
        var remainders = new Int128[w.Length];
        long given = 0;
        for (int i = 0; i < w.Length; i++)
        {
            Int128 exact = total.Fen * w[i];
            shares[i] = (long)(exact / sum);
            remainders[i] = exact % sum;
            given += shares[i];
        }
        IEnumerable<int> byRemainder = Enumerable.Range(0, w.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i);
        foreach (int i in byRemainder.Take((int)(total.Fen - given)))
        {
            shares[i]++;
        }
        return shares.Select(fen => new Money(fen)).ToArray();
    }
}
