using System.Collections.Concurrent;
using System.Globalization;
using OrderActors.Runtime.Core;

namespace OrderActors.Runtime.Storage;

/// <summary>
/// Grain state in process memory with the same ETag rules as PostgreSQL. State is kept as JSON, so
/// what works here also round-trips through the database.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), Row> _rows = new();

    public Task<StoredState> ReadAsync(GrainId grainId, string stateName) =>
        Task.FromResult(_rows.TryGetValue((grainId, stateName), out Row? row) ? new StoredState(row.Json, Format(row.Version)) : default);

    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag) =>
        Task.FromResult(Format(Swap(grainId, stateName, etag, json)));

    public Task<string?> ClearAsync(GrainId grainId, string stateName, string? etag) =>
        Task.FromResult<string?>(Format(Swap(grainId, stateName, etag, json: null)));

    private long Swap(GrainId grainId, string stateName, string? etag, string? json)
    {
        var key = (grainId, stateName);
        while (true)
        {
            bool exists = _rows.TryGetValue(key, out Row? current);
            string? storedEtag = exists ? Format(current!.Version) : null;
            if (storedEtag != etag)
            {
                throw new InconsistentStateException(
                    $"Version conflict writing {stateName} of {grainId}: stored ETag {storedEtag ?? "none"}, this activation had {etag ?? "none"}.",
                    storedEtag,
                    etag);
            }
            var next = new Row(json, (current?.Version ?? 0) + 1);
            if (exists ? _rows.TryUpdate(key, next, current!) : _rows.TryAdd(key, next))
            {
                return next.Version;
            }
        }
    }

    private static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record Row(string? Json, long Version);
}
