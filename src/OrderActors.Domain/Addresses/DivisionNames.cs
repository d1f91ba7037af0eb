using System.Text;

namespace OrderActors.Domain.Addresses;

/// <summary>The spellings platforms use for one division: "浙江省" / "浙江", "恩施土家族苗族自治州" / "恩施" / "恩施州".</summary>
internal static class DivisionNames
{
    private static readonly string[] _suffixes =
    [
        "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
        "地区", "林区", "特区", "省", "市", "区", "县", "旗", "盟",
    ];

    private static readonly string[] _ethnicGroups =
    [
        "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克",
        "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬",
        "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克",
        "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    ];

    private static readonly HashSet<string> _placeholderCities = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    /// <summary>The four 直辖市, whose city level is only "市辖区" (and "县" for 重庆) in the list.</summary>
    private static readonly HashSet<string> _municipalityCodes = ["11", "12", "31", "50"];

    public static bool IsPlaceholderCity(string name) => _placeholderCities.Contains(name);

    public static bool IsMunicipality(string provinceCode) => _municipalityCodes.Contains(provinceCode);

    /// <summary>Trims and drops every kind of whitespace, including the full-width space.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>The official name followed by the shorter spellings buyers and platforms use for it.</summary>
    public static IEnumerable<string> Aliases(string name)
    {
        yield return name;
        string? stem = Stem(name);
        if (stem is null)
        {
            yield break;
        }
        yield return stem;
        if (name.EndsWith("自治州", StringComparison.Ordinal))
        {
            yield return stem + "州";
        }
    }

    private static string? Stem(string name)
    {
        string? suffix = _suffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
        if (suffix is null)
        {
            return null;
        }
        string stem = name[..^suffix.Length];
        int ethnic = EthnicStart(stem);
        if (ethnic >= 0)
        {
            stem = stem[..ethnic];
        }
        return stem.Length >= 2 ? stem : null;
    }

    private static int EthnicStart(string stem)
    {
        int first = -1;
        foreach (string group in _ethnicGroups)
        {
            int at = stem.IndexOf(group + "族", StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }
        return first;
    }
}
