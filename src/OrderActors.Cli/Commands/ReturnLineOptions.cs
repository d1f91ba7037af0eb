using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace OrderActors.Cli.Commands;

/// <summary>Units of a SKU asked back: <c>--line SKU:QTY</c>.</summary>
public sealed record ReturnedUnits(string Sku, int Quantity);

/// <summary>Units of a SKU that came back: <c>--line SKU:GOOD[:DAMAGED]</c>.</summary>
public sealed record ReceivedUnits(string Sku, int Good, int Damaged);

/// <summary>
/// The repeatable <c>--line</c> options of <c>return create</c> and <c>return receive</c>, parsed before any request so
/// that a typo is a usage error (exit code 2) and never a half-sent return.
/// </summary>
// SKUs may hold ':' themselves (ids allow it), so the quantities are read from the right.
public static class ReturnLineOptions
{
    public static Option<IReadOnlyList<ReturnedUnits>> Returned() => new("--line")
    {
        Description = "A SKU and how many units go back, e.g. TEA-LONGJING:2. Repeat for each SKU.",
        HelpName = "SKU:QTY",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result => ParseAll(result, ParseReturned, "SKU:QTY, e.g. TEA-LONGJING:2 (QTY a whole number from 1)"),
    };

    public static Option<IReadOnlyList<ReceivedUnits>> Received() => new("--line")
    {
        Description = "A SKU and the units that came back: good ones (back on hand, sellable) and, after a second colon, damaged ones "
            + "(kept, not sellable), e.g. TEA-LONGJING:1:1. Repeat for each SKU. A SKU that itself ends in :N needs the damaged count.",
        HelpName = "SKU:GOOD[:DAMAGED]",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result => ParseAll(result, ParseReceived, "SKU:GOOD[:DAMAGED], e.g. TEA-LONGJING:1:1 (whole numbers, at least one unit)"),
    };

    /// <summary>SKU:QTY with QTY a whole number from 1; null when it is not.</summary>
    public static ReturnedUnits? ParseReturned(string text)
    {
        int colon = text.LastIndexOf(':');
        return colon > 0 && Count(text[(colon + 1)..]) is { } quantity and > 0 ? new ReturnedUnits(text[..colon], quantity) : null;
    }

    /// <summary>SKU:GOOD or SKU:GOOD:DAMAGED, counts whole numbers from 0 adding up to at least 1; null when it is not.</summary>
    public static ReceivedUnits? ParseReceived(string text)
    {
        int last = text.LastIndexOf(':');
        if (last <= 0 || Count(text[(last + 1)..]) is not { } lastCount)
        {
            return null;
        }
        int previous = text.LastIndexOf(':', last - 1);
        ReceivedUnits units = previous > 0 && Count(text[(previous + 1)..last]) is { } good
            ? new ReceivedUnits(text[..previous], good, lastCount)
            : new ReceivedUnits(text[..last], lastCount, 0);
        return units.Good + units.Damaged > 0 ? units : null;
    }

    private static IReadOnlyList<T> ParseAll<T>(ArgumentResult result, Func<string, T?> parse, string expected) where T : class
    {
        var parsed = new List<T>();
        foreach (Token token in result.Tokens)
        {
            if (parse(token.Value) is { } units)
            {
                parsed.Add(units);
            }
            else
            {
                result.AddError($"--line '{token.Value}' is not {expected}.");
            }
        }
        return parsed;
    }

    /// <summary>Digits only: no sign, no spaces, no thousands separators.</summary>
    private static int? Count(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : null;
}
