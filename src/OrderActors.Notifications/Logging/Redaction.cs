using System.Text.RegularExpressions;

namespace OrderActors.Notifications;

/// <summary>What a log line or an error message may show: phone numbers masked, secrets and URL queries gone.</summary>
public static partial class Redaction
{
    /// <summary>
    /// 13812345678 → 138****5678; +8613812345678 → +86138****5678. Shorter numbers keep only their last two digits.
    /// </summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "—";
        }
        string trimmed = phone.Trim();
        string prefix = trimmed.StartsWith("+86", StringComparison.Ordinal) ? "+86"
            : trimmed.StartsWith("0086", StringComparison.Ordinal) ? "0086"
            : "";
        trimmed = trimmed[prefix.Length..];
        string digits = new(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 7)
        {
            return prefix + digits[..3] + "****" + digits[^4..];
        }
        return prefix + new string('*', Math.Max(0, digits.Length - 2)) + digits[Math.Max(0, digits.Length - 2)..];
    }

    /// <summary>The URL without its query (WeCom keys and DingTalk tokens live there) and without user info.</summary>
    public static string SafeUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
        {
            return "(invalid url)";
        }
        // Feishu's hook id and similar path tokens are secrets too: the first segments are kept only when short.
        string[] segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string shown = "/" + string.Join('/', segments.Take(3).Select(s => IsToken(s) ? "***" : s)) + (segments.Length > 3 ? "/…" : "");
        return $"{uri.Scheme}://{uri.Authority}{shown}";
    }

    /// <summary>A path segment that looks like a token: 16 or more letters, digits, '-' or '_'.</summary>
    private static bool IsToken(string segment) => segment.Length >= 16 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// <paramref name="text"/> with the channel's secret, its setting values that look like credentials, and its URL's
    /// query and token removed, and mobile numbers masked. For messages built from exceptions and platform replies.
    /// </summary>
    public static string Scrub(string text, ChannelConfig channel)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var secrets = new List<string>();
        if (!string.IsNullOrEmpty(channel.Secret))
        {
            secrets.Add(channel.Secret);
        }
        if (channel.Setting(ChannelSettings.AccessKeyId) is { } keyId)
        {
            secrets.Add(keyId);
        }
        if (Uri.TryCreate(channel.Url, UriKind.Absolute, out Uri? uri))
        {
            secrets.Add(channel.Url);
            if (uri.Query.Length > 1)
            {
                secrets.Add(uri.Query.TrimStart('?'));
                secrets.AddRange(uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[1].Length >= 6).Select(p => p[1]));
            }
            string[] segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            secrets.AddRange(segments.Where((s, i) => i >= 3 ? s.Length >= 8 : IsToken(s)));
        }
        foreach (string secret in secrets.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return MaskPhones(text);
    }

    /// <summary>Every mainland mobile number in <paramref name="text"/> masked, e.g. a reply that echoes the recipient.</summary>
    public static string MaskPhones(string text) =>
        string.IsNullOrEmpty(text) ? text : MobileNumber().Replace(text, m => MaskPhone(m.Value));

    [GeneratedRegex(@"(?<!\d)(?:\+86|0086)?1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();
}
