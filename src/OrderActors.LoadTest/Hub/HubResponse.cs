using System.Text.Json.Nodes;

namespace OrderActors.LoadTest.Hub;

/// <summary>The hub's answer to one HTTP call: the status code and the JSON body, if it sent one.</summary>
public sealed record HubResponse(int StatusCode, JsonNode? Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

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
