using OrderActors.Cli.Output;

namespace OrderActors.Cli.Access;

/// <summary>
/// The bearer token a command sends, if any, where it came from, and what to tell the user when the server refuses
/// it. The token itself is never printed: <see cref="ToString"/> names only its source.
/// </summary>
public sealed class Credential
{
    public const string TokenVariable = "ORDERACTORS_TOKEN";

    private Credential(string? token, string source, DateTimeOffset? expiresAt, string? whenRefused)
    {
        Token = token;
        Source = source;
        ExpiresAt = expiresAt;
        WhenRefused = whenRefused;
    }

    /// <summary>The access token or API key for <c>Authorization: Bearer</c>; null sends no credential.</summary>
    public string? Token { get; }

    /// <summary>"--token", "ORDERACTORS_TOKEN", "orderactors login as admin", "none".</summary>
    public string Source { get; }

    /// <summary>When the token stops working, when that is known (a sign-in, or a JWT's own exp).</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>What to do when the server answers 401 to this credential; null when the server's own detail says it.</summary>
    public string? WhenRefused { get; }

    /// <summary>No credential at all, as a sign-in itself sends: a 401 there is a wrong user or password.</summary>
    public static Credential SignIn { get; } = new(null, "none", null, null);

    /// <summary>
    /// The credential for a request to <paramref name="server"/>: <c>--token</c>, else ORDERACTORS_TOKEN, else the
    /// stored sign-in when it was made at this server and has not expired. A stored sign-in that does not apply sends
    /// nothing, so that public routes still work and a 401 says why.
    /// </summary>
    public static Credential Resolve(string? option, CliEnvironment environment, CredentialStore store, Uri server, DateTimeOffset now)
    {
        if (option is { Length: > 0 })
        {
            return new(option, "--token", TokenExpiry.Read(option), "the token given with --token was refused: it has expired, was revoked, or is not for this server.");
        }
        if (environment[TokenVariable] is { } fromEnvironment)
        {
            return new(fromEnvironment, TokenVariable, TokenExpiry.Read(fromEnvironment),
                $"the token in {TokenVariable} was refused: it has expired, was revoked, or is not for this server (unset it to use orderactors login).");
        }
        StoredCredential? stored;
        try
        {
            stored = store.Load();
        }
        catch (CredentialStoreException unreadable)
        {
            return None($"{unreadable.Message}: run orderactors login to sign in again.");
        }
        if (stored is null)
        {
            return None($"not signed in: run orderactors login (or pass --token, or set {TokenVariable}).");
        }
        if (!stored.IsFor(server))
        {
            return None($"not signed in to {StoredCredential.Key(server)} (your sign-in is for {stored.Server}): run orderactors login --server {StoredCredential.Key(server)}");
        }
        if (stored.ExpiresAt <= now)
        {
            return None($"your sign-in expired at {Labels.Time(stored.ExpiresAt)}: run orderactors login");
        }
        return new(stored.AccessToken, $"orderactors login as {stored.User}", stored.ExpiresAt,
            $"your sign-in as {stored.User} was refused (the server may have restarted with a new signing key): run orderactors login");
    }

    public override string ToString() => Source;

    private static Credential None(string whenRefused) => new(null, "none", null, whenRefused);
}
