using System.Globalization;
using System.Text;

namespace OrderActors.ReturnReasons.Text;

/// <summary>The one normal form every reason text takes before it is segmented or counted.</summary>
internal static class ReasonText
{
    /// <summary>
    /// Longer texts are cut here: buyers' reasons are a sentence or two, and the cap bounds the work a
    /// pasted essay (or an attack) can cause. The features of the first 2,000 characters decide.
    /// </summary>
    public const int MaxChars = 2000;

    /// <summary>
    /// NFKC (full-width letters, digits and punctuation become their ASCII forms: "ＸＬ" is "XL"), lower case,
    /// runs of white space become one space, capped at <see cref="MaxChars"/> without splitting a surrogate pair.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        string capped = text.Length > MaxChars * 2 ? text[..(MaxChars * 2)] : text;
        string folded;
        try
        {
            folded = capped.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; drop what is invalid and go on with the rest.
            folded = new string(capped.Where(c => !char.IsSurrogate(c)).ToArray()).Normalize(NormalizationForm.FormKC);
        }
        var builder = new StringBuilder(Math.Min(folded.Length, MaxChars));
        bool pendingSpace = false;
        foreach (Rune rune in folded.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (builder.Length + rune.Utf16SequenceLength + (pendingSpace ? 1 : 0) > MaxChars)
            {
                break;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return builder.ToString();
    }

    /// <summary>Punctuation and white space end a run of characters; letters, digits, CJK and emoji do not.</summary>
    public static bool IsBreak(Rune rune)
    {
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return Rune.IsWhiteSpace(rune) || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.Control;
    }
}
