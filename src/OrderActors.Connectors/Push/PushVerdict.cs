namespace OrderActors.Connectors.Push;

/// <summary>What a push's signature says about its sender.</summary>
public abstract record PushVerdict
{
    private PushVerdict()
    {
    }

    /// <summary>The push carries none of the platform's signature fields: the caller must authenticate otherwise (a bearer credential).</summary>
    public sealed record Unsigned : PushVerdict
    {
        public static Unsigned Instance { get; } = new();
    }

    /// <summary>
    /// The push is signed with the secret of <paramref name="Tenant"/>'s shop whose app key it names. <paramref name="Nonce"/>
    /// (the mini-program's) is to be refused when seen again within the window; <paramref name="SignedAt"/> is the
    /// signed time, where the scheme signs one.
    /// </summary>
    public sealed record Verified(string Tenant, string AppKey, string? Nonce, DateTimeOffset? SignedAt) : PushVerdict;

    /// <summary>
    /// A signature field is present but the push is not signed as the platform signs: a 401. <paramref name="Reason"/>
    /// is for logs and problem details; it never holds a secret or the expected signature.
    /// </summary>
    public sealed record Refused(string Reason) : PushVerdict;
}
