using System.Globalization;
using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.AfterSales;

/// <summary>Money in the explanations: yuan with two decimals ("25.00", "−12.80"), no currency sign.</summary>
internal static class Yuan
{
    public static string Of(Money money)
    {
        long abs = Math.Abs(money.Fen);
        return string.Create(CultureInfo.InvariantCulture, $"{(money.Fen < 0 ? "−" : "")}{abs / 100}.{abs % 100:D2}");
    }

    /// <summary>A deduction, written with a minus sign ("−12.80").</summary>
    public static string Minus(Money money) => Of(new Money(-money.Fen));
}
