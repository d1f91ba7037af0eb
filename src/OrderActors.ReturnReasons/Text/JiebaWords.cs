using System.Runtime.CompilerServices;
using JiebaNet.Segmenter;

namespace OrderActors.ReturnReasons.Text;

/// <summary>
/// jieba.NET word segmentation. jieba reads its dictionary and HMM tables from files, in a directory it
/// takes from a process-wide setting; the build copies the three files it needs beside this assembly, in
/// <c>jieba/</c>, and every project that references this one gets them in its own output the same way.
/// </summary>
internal static class JiebaWords
{
    /// <summary>The files jieba's default (accurate, HMM) mode reads; the rest of its package is not needed.</summary>
    internal static readonly string[] RequiredFiles = ["dict.txt", "prob_trans.json", "prob_emit.json"];

    /// <summary>Words of this domain that jieba's general dictionary splits apart; added once, before any cut.</summary>
    private static readonly string[] s_domainWords =
    [
        "漏发", "少发", "少件", "发错", "错发", "色差", "起球", "开胶", "掉色", "褪色", "压扁", "压坏", "压烂",
        "摔碎", "摔坏", "破损", "不想要", "无理由", "拍错", "错拍", "多拍", "适口性", "尺码", "码数", "偏大",
        "偏小", "不合身", "过敏", "红疹", "拉稀", "软便", "冷链", "化冻", "丢件", "缺货", "不发货", "翻新",
        "货不对板", "图文不符", "虚假宣传", "外包装", "快递盒", "快递箱", "包装盒", "礼盒", "猫粮", "狗粮", "猫砂",
        "冻干", "猫条", "罐头", "不爱吃", "难吃", "太甜", "太咸",
    ];

    private static readonly Lazy<string> s_directory = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<JiebaSegmenter> s_segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where jieba's files were found (the first of: beside this assembly, the app's base directory).</summary>
    public static string ResourceDirectory => s_directory.Value;

    /// <summary>
    /// The words of <paramref name="normalized"/> in jieba's accurate mode with its HMM for unknown words.
    /// Safe from many threads: after start-up the segmenter only reads its dictionary.
    /// </summary>
    public static List<string> Cut(string normalized) =>
        normalized.Length == 0 ? [] : s_segmenter.Value.Cut(normalized, cutAll: false, hmm: true).ToList();

    private static JiebaSegmenter Create()
    {
        // jieba captures its file paths in static fields when its types initialise, so the directory is
        // set here and the types are first touched in a separate, non-inlined method.
        ConfigManager.ConfigFileBaseDir = ResourceDirectory;
        return CreateSegmenter();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JiebaSegmenter CreateSegmenter()
    {
        var segmenter = new JiebaSegmenter();
        foreach (string word in s_domainWords)
        {
            segmenter.AddWord(word);
        }
        return segmenter;
    }

    private static string Locate()
    {
        string? assemblyDirectory = Path.GetDirectoryName(typeof(JiebaWords).Assembly.Location);
        string[] candidates = new[] { assemblyDirectory, AppContext.BaseDirectory }
            .Where(directory => !string.IsNullOrEmpty(directory))
            .Select(directory => Path.Combine(directory!, "jieba"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (string candidate in candidates)
        {
            if (RequiredFiles.All(file => File.Exists(Path.Combine(candidate, file))))
            {
                return candidate;
            }
        }
        // jieba itself would swallow a missing dictionary and segment every text into single characters.
        throw new FileNotFoundException(
            $"jieba.NET's dictionary files ({string.Join(", ", RequiredFiles)}) were not found in {string.Join(" or ", candidates)}. " +
            "They are copied to the output by OrderActors.ReturnReasons.csproj; a project that references it gets them too.");
    }
}
