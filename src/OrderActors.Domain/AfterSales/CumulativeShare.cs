using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.AfterSales;

/// <summary>
/// Splits a line's amount over its units cumulatively: the first r units own floor(amount × r / quantity) and all of
/// them own the amount exactly, so partial returns of the same line add up to the fen and never exceed it.
/// </summary>
internal static class CumulativeShare
{
    /// <summary>What the first <paramref name="units"/> of <paramref name="quantity"/> units own of <paramref name="amount"/>.</summary>
    public static Money Upto(Money amount, int units, int quantity)
    {
        if (units <= 0 || quantity <= 0)
        {
            return Money.Zero;
        }
        if (units >= quantity)
        {
            return amount;
        }
        Int128 product = (Int128)amount.Fen * units;
        Int128 floor = product / quantity;
        if (product % quantity != 0 && product < 0)
        {
            floor--;
        }
        return new Money((long)floor);
    }

    /// <summary>What units start+1 … start+count own of the amount.</summary>
    public static Money Slice(Money amount, int start, int count, int quantity) =>
        Upto(amount, start + count, quantity) - Upto(amount, start, quantity);
}
