namespace OrderActors.Silo.Idempotency;

/// <summary>Idempotency keys in memory, for a silo on memory storage.</summary>
public sealed class MemoryIdempotencyStore(TimeProvider time) : IIdempotencyStore
{
    private readonly Dictionary<string, Entry> _entries = new();

    public Task<Claim> ClaimAsync(string scope, string requestHash)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(scope, out Entry? entry))
            {
                _entries[scope] = new Entry(requestHash, null, time.GetUtcNow());
                return Task.FromResult(new Claim(ClaimOutcome.Claimed));
            }
            if (entry.RequestHash != requestHash)
            {
                return Task.FromResult(new Claim(ClaimOutcome.Mismatch));
            }
            return Task.FromResult(entry.Response is null ? new Claim(ClaimOutcome.InProgress) : new Claim(ClaimOutcome.Replay, entry.Response));
        }
    }

    public Task CompleteAsync(string scope, StoredResponse response)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(scope, out Entry? entry))
            {
                _entries[scope] = entry with { Response = response };
            }
        }
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string scope)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(scope, out Entry? entry) && entry.Response is null)
            {
                _entries.Remove(scope);
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> ExpireAsync(TimeSpan age)
    {
        DateTimeOffset cutoff = time.GetUtcNow() - age;
        lock (_entries)
        {
            List<string> old = _entries.Where(e => e.Value.CreatedAt < cutoff).Select(e => e.Key).ToList();
            old.ForEach(key => _entries.Remove(key));
            return Task.FromResult(old.Count);
        }
    }

    private sealed record Entry(string RequestHash, StoredResponse? Response, DateTimeOffset CreatedAt);
}
