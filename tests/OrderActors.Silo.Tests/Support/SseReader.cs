using System.Text.Json.Nodes;

namespace OrderActors.Silo.Tests.Support;

/// <summary>One server-sent event.</summary>
public sealed record SseEvent(long Id, string Name, JsonNode Data);

/// <summary>Reads a text/event-stream until a condition over the events so far holds.</summary>
public sealed class SseReader(HttpClient client, string path, long? lastEventId)
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the server answered (its first comment line arrived).</summary>
    public Task Connected => _connected.Task;

    public async Task<List<SseEvent>> ReadUntilAsync(Func<List<SseEvent>, bool> enough, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var events = new List<SseEvent>();
        long currentId = 0;
        string name = "message";
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(':'))
            {
                _connected.TrySetResult();
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                currentId = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(new SseEvent(currentId, name, JsonNode.Parse(line[6..])!));
                if (enough(events))
                {
                    return events;
                }
            }
        }
        return events;
    }
}
