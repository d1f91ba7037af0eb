using System.Text.Json;

namespace OrderActors.Cli.Http;

/// <summary>An RFC 7807 problem detail as the facade writes it, with its field errors and the order's current status.</summary>
public sealed record Problem(
    string? Type, string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors, string? CurrentStatus)
{
    /// <summary>The problem in a response body, or null when the body is not one (empty, HTML, a proxy's text).</summary>
    public static Problem? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            Problem? problem = JsonSerializer.Deserialize<Problem>(body, HubJson.Options);
            return problem is { Title: not null } or { Detail: not null } ? problem : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
