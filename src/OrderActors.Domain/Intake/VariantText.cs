namespace OrderActors.Domain.Intake;

/// <summary>
/// One spelling for a SKU's variant whatever the platform wrote: the values in order, joined by ";".
/// "颜色分类:胡桃色;尺寸:40cm", "胡桃色,40cm" and [{颜色,胡桃色},{尺寸,40cm}] all become "胡桃色;40cm".
/// </summary>
public static class VariantText
{
    private static readonly char[] _separators = [';', '；', ',', '，', '/', '|'];
    private static readonly char[] _nameValueMarks = [':', '：'];

    /// <summary>The canonical form of a platform's variant text; null when it names no value.</summary>
    public static string? Canonical(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        IEnumerable<string> values = text.Split(_separators).Select(part =>
        {
            int mark = part.LastIndexOfAny(_nameValueMarks);
            return mark >= 0 ? part[(mark + 1)..] : part;
        });
        return FromValues(values);
    }

    /// <summary>The canonical form of a list of variant values; null when all are empty.</summary>
    public static string? FromValues(IEnumerable<string?> values)
    {
        string[] kept = values.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToArray();
        return kept.Length == 0 ? null : string.Join(';', kept);
    }

    /// <summary>True when both texts name the same values in the same order.</summary>
    public static bool SameVariant(string? a, string? b) => string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);
}
