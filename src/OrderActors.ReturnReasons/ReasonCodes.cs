namespace OrderActors.ReturnReasons;

/// <summary>
/// The standard pool of return reasons (退货原因). The codes are the Chinese names themselves, as operators
/// and buyers read them; docs/return-reasons.md has the one-line labelling guide for each.
/// </summary>
public static class ReasonCodes
{
    public const string Quality = "质量问题";
    public const string WrongItem = "发错货";
    public const string MissingItem = "少件漏发";
    public const string WrongSize = "尺寸不符";
    public const string NotAsDescribed = "与描述不符";
    public const string PackagingDamaged = "包装破损";
    public const string DamagedInTransit = "物流损毁";
    public const string Taste = "口味不符";
    public const string ChangedMind = "不喜欢/不想要";
    public const string Allergy = "过敏不适";
    public const string Other = "其他";

    /// <summary>Every code, in the order the issue lists them (the order a picker shows them in).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Quality, WrongItem, MissingItem, WrongSize, NotAsDescribed, PackagingDamaged,
        DamagedInTransit, Taste, ChangedMind, Allergy, Other,
    ];

    private static readonly HashSet<string> s_known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="code"/> is one of the pool's codes, exactly as written.</summary>
    public static bool IsKnown(string? code) => code is not null && s_known.Contains(code);
}
