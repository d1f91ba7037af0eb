namespace OrderActors.Silo.Idempotency;

/// <summary>What a claim on an idempotency key found.</summary>
public enum ClaimOutcome
{
    /// <summary>First use: run the request, then complete the claim.</summary>
    Claimed,
    /// <summary>Done before with the same request: replay the stored response.</summary>
    Replay,
    /// <summary>The same key is being used right now.</summary>
    InProgress,
    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}

/// <summary>A stored response to replay.</summary>
public sealed record StoredResponse(int Status, string? ContentType, byte[] Body);

/// <summary>The result of claiming a key.</summary>
public sealed record Claim(ClaimOutcome Outcome, StoredResponse? Response = null);

/// <summary>Remembers responses by idempotency key.</summary>
public interface IIdempotencyStore
{
    Task<Claim> ClaimAsync(string scope, string requestHash);

    Task CompleteAsync(string scope, StoredResponse response);

    /// <summary>Forgets a claim whose request failed, so that a retry runs it again.</summary>
    Task ReleaseAsync(string scope);

    /// <summary>Forgets keys older than <paramref name="age"/>.</summary>
    Task<int> ExpireAsync(TimeSpan age);
}
