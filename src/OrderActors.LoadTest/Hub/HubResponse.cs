using System.Text.Json.Nodes;

namespace OrderActors.LoadTest.Hub;

/// <summary>The hub's answer to one HTTP call: the status code and the JSON body, if it sent one.</summary>
public sealed record HubResponse(int StatusCode, JsonNode? Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The Retry-After header of a 429 or 503, when the hub sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>What an RFC 7807 problem says went wrong: detail, else title, else the status code.</summary>
    public string Problem
    {
        get
        {
            string? detail = Body is JsonObject problem ? (string?)problem["detail"] ?? (string?)problem["title"] : null;
            string? errors = Body is JsonObject withErrors && withErrors["errors"] is JsonObject map ? map.ToJsonString() : null;
            return $"HTTP {StatusCode}{(detail is null ? "" : $": {detail}")}{(errors is null ? "" : $" {errors}")}";
        }
    }
}
