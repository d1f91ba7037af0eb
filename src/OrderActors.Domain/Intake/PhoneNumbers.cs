using System.Text.RegularExpressions;
using OrderActors.Abstractions.Common;

namespace OrderActors.Domain.Intake;

/// <summary>Mainland mobile numbers as platforms send them: plain, masked ("138****5678"), virtual with an extension, or encrypted.</summary>
public static partial class PhoneNumbers
{
    /// <summary>Drops spaces and dashes and a +86 / 86 country prefix: "+86 138-1234-5678" → "13812345678".</summary>
    public static string Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }
        string compact = string.Concat(phone.Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (compact.StartsWith('+'))
        {
            compact = compact[1..];
        }
        return compact.Length == 13 && compact.StartsWith("861", StringComparison.Ordinal) ? compact[2..] : compact;
    }

    /// <summary>True for an 11-digit mainland mobile number, 1[3-9]xxxxxxxxx.</summary>
    public static bool IsMainlandMobile(string? phone) => MobilePattern().IsMatch(Normalize(phone));

    /// <summary>
    /// True when the platform hid the real number: asterisks, a virtual number with an extension
    /// ("13800001111_1234"), or a ciphertext wrapped in the platform's markers ($…$, #…#, ~…~).
    /// </summary>
    public static bool LooksMasked(string? phone)
    {
        string value = phone?.Trim() ?? "";
        return value.Contains('*') || VirtualPattern().IsMatch(value) || CipherPattern().IsMatch(value);
    }

    /// <summary>
    /// The receiver as a platform (or its decrypt API) gave them. A phone that looks masked, and any encrypted one, is
    /// kept as written and flagged; a plain one is normalised ("+86 138-1234-5678" → "13812345678").
    /// </summary>
    public static Contact Receiver(string name, string phone, bool encrypted = false)
    {
        bool masked = encrypted || LooksMasked(phone);
        return new Contact(name.Trim(), masked ? phone.Trim() : Normalize(phone), masked, encrypted);
    }

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^1[3-9]\d{9}[_,#]\d{1,6}$")]
    private static partial Regex VirtualPattern();

    [GeneratedRegex(@"^([$#~]).{8,}\1$")]
    private static partial Regex CipherPattern();
}
