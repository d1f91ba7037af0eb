using System.Diagnostics.Metrics;

namespace OrderActors.Benchmarks;

/// <summary>
/// What one grain call puts on the wire between two silos, read from Orleans' own messaging histogram
/// ("orleans-messaging-sent-messages-size", tagged with the message direction and the remote silo), so the raw
/// baseline can echo payloads of the same size.
/// </summary>
internal sealed record WireSizes(int RequestBytes, int ResponseBytes)
{
    private const string SentSizes = "orleans-messaging-sent-messages-size";

    /// <summary>Makes <paramref name="calls"/> calls from <paramref name="caller"/> to <paramref name="callee"/> and takes the median size each way.</summary>
    public static async Task<WireSizes> MeasureAsync(Func<Task> call, int calls, SiloAddress caller, SiloAddress callee)
    {
        var requests = new List<int>();
        var responses = new List<int>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Microsoft.Orleans" && instrument.Name == SentSizes)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<int>((_, bytes, tags, _) => Record(bytes, tags, caller, callee, requests, responses));
            listener.Start();
            for (int i = 0; i < calls; i++)
            {
                await call();
            }
        }
        if (requests.Count < calls / 2 || responses.Count < calls / 2)
        {
            throw new InvalidOperationException($"saw {requests.Count} requests and {responses.Count} responses between the silos for {calls} calls");
        }
        return new WireSizes(Median(requests), Median(responses));
    }

    private static void Record(int bytes, ReadOnlySpan<KeyValuePair<string, object?>> tags, SiloAddress caller, SiloAddress callee, List<int> requests, List<int> responses)
    {
        string? direction = null;
        object? remote = null;
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == "MessageDirection")
            {
                direction = tag.Value as string;
            }
            else if (tag.Key == "silo")
            {
                remote = tag.Value;
            }
        }
        List<int>? into = (direction, remote) switch
        {
            ("Request", SiloAddress to) when to.Equals(callee) => requests,
            ("Response", SiloAddress to) when to.Equals(caller) => responses,
            _ => null,
        };
        if (into is not null)
        {
            lock (into)
            {
                into.Add(bytes);
            }
        }
    }

    private static int Median(List<int> values)
    {
        lock (values)
        {
            values.Sort();
            return values[values.Count / 2];
        }
    }
}
