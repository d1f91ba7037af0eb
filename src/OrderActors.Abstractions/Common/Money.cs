using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans;

namespace OrderActors.Abstractions.Common;

/// <summary>An amount of renminbi in integer fen (分). Never a floating-point number.</summary>
[JsonConverter(typeof(MoneyJsonConverter))]
[GenerateSerializer, Immutable, Alias("oa.Money")]
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    /// <summary>Parses a yuan amount written as a decimal string ("12.3", "12.30", "12"). More than two decimals is an error.</summary>
    public static Money FromYuan(string yuan)
    {
        if (!TryFromYuan(yuan, out Money money))
        {
            throw new FormatException($"'{yuan}' is not a yuan amount with at most two decimals.");
        }
        return money;
    }

    /// <summary>Parses a yuan amount; false when the text is not a decimal with at most two decimals.</summary>
    public static bool TryFromYuan(string? yuan, out Money money)
    {
        money = Zero;
        if (string.IsNullOrWhiteSpace(yuan)
            || !decimal.TryParse(yuan.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal value))
        {
            return false;
        }
        decimal fen = value * 100m;
        if (fen != decimal.Truncate(fen) || fen > long.MaxValue || fen < long.MinValue)
        {
            return false;
        }
        money = new Money((long)fen);
        return true;
    }

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static Money operator *(Money a, int quantity) => new(checked(a.Fen * quantity));
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>"¥12.30" (negative amounts as "-¥12.30").</summary>
    public override string ToString()
    {
        long abs = Math.Abs(Fen);
        return string.Create(CultureInfo.InvariantCulture, $"{(Fen < 0 ? "-" : "")}¥{abs / 100}.{abs % 100:D2}");
    }
}

/// <summary>Writes <see cref="Money"/> as its integer number of fen.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Fen);
}
