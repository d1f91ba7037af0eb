using System.Text.Json;

namespace OrderActors.Notifications;

/// <summary>
/// Reads a robot's JSON reply: an integer code (<c>errcode</c>, <c>code</c> or <c>StatusCode</c>) that must be 0,
/// with a message beside it. Codes in <paramref name="rateLimitCodes"/> are worth retrying; every other code is not.
/// </summary>
internal static class PlatformReply
{
    private const int MaxMessage = 200;

    public static DeliveryResult Interpret(int status, string body, IReadOnlyCollection<int> rateLimitCodes, params string[] codeNames)
    {
        bool success = status is >= 200 and < 300;
        if (!TryRead(body, codeNames, out int code, out string? message))
        {
            return success
                ? DeliveryResult.Permanent(status, "the reply has no result code: is the URL the platform's webhook?")
                : DeliveryResult.Permanent(status, $"HTTP {status}");
        }
        if (code == 0)
        {
            return success ? DeliveryResult.Ok(status) : DeliveryResult.Permanent(status, $"HTTP {status}");
        }
        string error = $"code {code}: {Shorten(message)}";
        return rateLimitCodes.Contains(code)
            ? DeliveryResult.Transient(status, error)
            : DeliveryResult.Permanent(status, error);
    }

    public static string Shorten(string? message)
    {
        string text = string.IsNullOrWhiteSpace(message) ? "(no message)" : message.Trim();
        return text.Length <= MaxMessage ? text : text[..MaxMessage] + "…";
    }

    private static bool TryRead(string body, string[] codeNames, out int code, out string? message)
    {
        code = 0;
        message = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            foreach (string name in codeNames)
            {
                if (document.RootElement.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out code))
                {
                    message = FirstString(document.RootElement, "errmsg", "msg", "StatusMessage", "message");
                    return true;
                }
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? FirstString(JsonElement root, params string[] names)
    {
        foreach (string name in names)
        {
            if (root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }
        return null;
    }
}
