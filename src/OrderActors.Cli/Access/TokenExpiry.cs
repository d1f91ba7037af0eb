using System.Buffers.Text;
using System.Text.Json;

namespace OrderActors.Cli.Access;

/// <summary>When a token given on the command line expires, read from a JWT's <c>exp</c> claim; API keys carry none.</summary>
// Read only to show it (whoami); whether the token is valid is the server's to decide, so nothing here is verified.
public static class TokenExpiry
{
    public static DateTimeOffset? Read(string token)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }
        try
        {
            using JsonDocument payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("exp", out JsonElement exp) && exp.TryGetInt64(out long seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception unreadable) when (unreadable is JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
