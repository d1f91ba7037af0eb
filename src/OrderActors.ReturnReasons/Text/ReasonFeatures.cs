using System.Text;

namespace OrderActors.ReturnReasons.Text;

/// <summary>
/// The features of a reason text: jieba words (<c>w:</c>) and character 1–3-grams (<c>c:</c>) inside runs
/// between punctuation. Words carry meaning the characters miss ("不想要" is one word); the character
/// n-grams carry what segmentation gets wrong on colloquial text, typos and mixed scripts ("质两问题", "size小").
/// </summary>
internal static class ReasonFeatures
{
    public const int MaxCharGram = 3;

    /// <summary>The features of <paramref name="text"/>, once per occurrence, in text order.</summary>
    public static List<string> Extract(string? text)
    {
        string normalized = ReasonText.Normalize(text);
        var features = new List<string>();
        if (normalized.Length == 0)
        {
            return features;
        }
        AddCharGrams(normalized, features);
        foreach (string word in JiebaWords.Cut(normalized))
        {
            if (IsWord(word))
            {
                features.Add("w:" + word);
            }
        }
        return features;
    }

    private static void AddCharGrams(string normalized, List<string> features)
    {
        var run = new List<string>();
        foreach (Rune rune in normalized.EnumerateRunes())
        {
            if (ReasonText.IsBreak(rune))
            {
                AddRun(run, features);
                run.Clear();
            }
            else
            {
                run.Add(rune.ToString());
            }
        }
        AddRun(run, features);
    }

    private static void AddRun(List<string> run, List<string> features)
    {
        for (int start = 0; start < run.Count; start++)
        {
            var gram = new StringBuilder("c:");
            for (int length = 1; length <= MaxCharGram && start + length <= run.Count; length++)
            {
                gram.Append(run[start + length - 1]);
                features.Add(gram.ToString());
            }
        }
    }

    private static bool IsWord(string token)
    {
        foreach (Rune rune in token.EnumerateRunes())
        {
            if (!ReasonText.IsBreak(rune))
            {
                return true;
            }
        }
        return false;
    }
}
