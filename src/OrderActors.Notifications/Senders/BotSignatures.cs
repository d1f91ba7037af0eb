using System.Security.Cryptography;
using System.Text;

namespace OrderActors.Notifications;

/// <summary>The robots' and the webhook's signatures, each as its platform documents it (see docs/notifications.md).</summary>
internal static class BotSignatures
{
    /// <summary>
    /// Feishu custom bot (签名校验): HMAC-SHA256 keyed with <c>timestamp + "\n" + secret</c> over an empty message,
    /// Base64. The timestamp is in seconds and must be within an hour of Feishu's clock.
    /// </summary>
    public static string Feishu(long timestampSeconds, string secret)
    {
        byte[] key = Encoding.UTF8.GetBytes($"{timestampSeconds}\n{secret}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, ReadOnlySpan<byte>.Empty));
    }

    /// <summary>
    /// DingTalk robot (加签): HMAC-SHA256 keyed with the secret over <c>timestamp + "\n" + secret</c>, Base64 (the
    /// caller URL-encodes it into <c>&amp;sign=</c>). The timestamp is in milliseconds, within an hour of DingTalk's.
    /// </summary>
    public static string DingTalk(long timestampMilliseconds, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMilliseconds}\n{secret}")));

    /// <summary>Our generic webhook: lowercase hex HMAC-SHA256 keyed with the secret over <c>timestamp + "." + body</c>.</summary>
    public static string Webhook(string timestamp, string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
