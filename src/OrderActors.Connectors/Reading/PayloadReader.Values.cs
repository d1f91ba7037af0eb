using System.Globalization;
using System.Text.Json;
using OrderActors.Abstractions.Common;

namespace OrderActors.Connectors.Reading;

/// <summary>Scalar fields: text, money in yuan or fen, quantities and the platforms' three ways of writing time.</summary>
internal sealed partial class PayloadReader
{
    private static readonly TimeSpan _chinaOffset = TimeSpan.FromHours(8);
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Longer text is cut to this (and held): a name, an address or a note, never a whole document.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>
    /// A text field; numbers are accepted as their digits because platforms write ids either way. Text the hub
    /// cannot store (see <see cref="StorableText"/>) is cleaned and text over <see cref="MaxTextLength"/> cut, each an
    /// <c>unreadable_field</c> finding.
    /// </summary>
    public string? String(string name, bool required = true)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return Missing<string>(name, required);
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(name, $"expected text, got {value.ValueKind}");
            return null;
        }
        string text = StorableText.Of(value, out bool cleaned);
        if (cleaned)
        {
            Fail(name, "held characters that cannot be stored (U+0000, a lone UTF-16 surrogate or bytes that are not UTF-8): "
                + "U+0000 dropped, the others replaced by U+FFFD");
        }
        if (text.Length > MaxTextLength)
        {
            Fail(name, $"is {text.Length} characters long: kept the first {MaxTextLength}");
            text = text[..(char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength)];
        }
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Fail(name, "must not be empty");
            return null;
        }
        return text;
    }

    /// <summary>An optional array of ids (text or numbers); anything else in it is an <c>unreadable_field</c> finding and skipped.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(name, $"expected an array of text, got {value.ValueKind}");
            return [];
        }
        var texts = new List<string>();
        foreach (JsonElement item in value.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Number:
                    texts.Add(item.GetRawText());
                    break;
                case JsonValueKind.String:
                    texts.Add(StorableText.Of(item, out _));
                    break;
                default:
                    Fail(name, $"expected text items, got {item.ValueKind}");
                    break;
            }
        }
        return texts;
    }

    /// <summary>An optional free-text field (notes, memos); null when absent or blank.</summary>
    public string? Note(string name)
    {
        string? text = String(name, required: false);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>A yuan amount written as "12.30" or 12.3, converted to fen exactly (decimal, never double); an absent optional amount is zero.</summary>
    public Money? Yuan(string name, bool required = true, bool allowNegative = false)
    {
        if (!TryGet(name, out JsonElement value))
        {
            Missing<string>(name, required);
            return required ? null : Money.Zero;
        }
        decimal? yuan = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out decimal number) => number,
            JsonValueKind.String when decimal.TryParse(StorableText.Of(value, out _), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out decimal parsed) => parsed,
            _ => null,
        };
        if (yuan is not { } amount || amount * 100m != decimal.Truncate(amount * 100m) || Math.Abs(amount) > 1_000_000_000m)
        {
            Fail(name, $"'{Shown(value)}' is not a yuan amount with at most two decimals");
            return null;
        }
        return Checked(name, new Money((long)(amount * 100m)), allowNegative);
    }

    /// <summary>An amount already in integer fen (Douyin, the mini-program); an absent optional amount is zero.</summary>
    public Money? Fen(string name, bool required = true)
    {
        if (!TryGet(name, out JsonElement value))
        {
            Missing<string>(name, required);
            return required ? null : Money.Zero;
        }
        if (Integer(value) is not { } fen || Math.Abs(fen) > 100_000_000_000)
        {
            Fail(name, $"'{Shown(value)}' is not a whole number of fen");
            return null;
        }
        return Checked(name, new Money(fen), allowNegative: false);
    }

    /// <summary>
    /// A line's positive whole quantity, written as a number or as digits in a string. A line without one is not a
    /// line, so this is a rejection, not a finding.
    /// </summary>
    public int? Quantity(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            Reject(name, "is required: a line needs a quantity");
            return null;
        }
        if (Integer(value) is not { } quantity || quantity <= 0 || quantity > 100_000)
        {
            Reject(name, $"'{Shown(value)}' is not a positive whole quantity");
            return null;
        }
        return (int)quantity;
    }

    /// <summary>"yyyy-MM-dd HH:mm:ss" in China time (UTC+8), as UTC.</summary>
    public DateTimeOffset? ChinaTime(string name, bool required = true)
    {
        string? text = String(name, required);
        if (text is null)
        {
            return null;
        }
        if (!DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            Fail(name, $"'{text}' is not a time written yyyy-MM-dd HH:mm:ss");
            return null;
        }
        return new DateTimeOffset(local, _chinaOffset).ToUniversalTime();
    }

    /// <summary>Unix seconds; when not required, 0 means "not yet" (Douyin writes pay_time 0 for unpaid orders).</summary>
    public DateTimeOffset? UnixSeconds(string name, bool required = true) => Epoch(name, required, 1);

    /// <summary>Unix milliseconds; when not required, 0 means "not yet".</summary>
    public DateTimeOffset? UnixMillis(string name, bool required = true) => Epoch(name, required, 1000);

    /// <summary>A decimal number such as a latitude.</summary>
    public decimal? Decimal(string name, bool required = true)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return Missing<decimal?>(name, required);
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(StorableText.Of(value, out _), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed))
        {
            return parsed;
        }
        Fail(name, $"'{Shown(value)}' is not a number");
        return null;
    }

    private DateTimeOffset? Epoch(string name, bool required, long unitsPerSecond)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return Missing<DateTimeOffset?>(name, required);
        }
        long? raw = Integer(value);
        if (raw == 0 && !required)
        {
            return null;
        }
        if (raw is not { } units || units <= 0 || units / unitsPerSecond > MaxUnixSeconds)
        {
            Fail(name, $"'{Shown(value)}' is not a unix time in {(unitsPerSecond == 1 ? "seconds" : "milliseconds")}");
            return null;
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(checked(units * (1000 / unitsPerSecond)));
    }

    /// <summary>A value as written, cut short so a hostile field cannot blow up a hold message.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Shown(JsonElement value) => Shorten(StorableText.RawOf(value));

    private Money? Checked(string name, Money money, bool allowNegative)
    {
        if (!allowNegative && money.Fen < 0)
        {
            Fail(name, $"{money} must not be negative");
            return null;
        }
        return money;
    }

    private static long? Integer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out long number) => number,
        JsonValueKind.String when long.TryParse(StorableText.Of(value, out _), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed) => parsed,
        _ => null,
    };
}
