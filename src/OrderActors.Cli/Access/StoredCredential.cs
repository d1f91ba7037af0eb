namespace OrderActors.Cli.Access;

/// <summary>What <c>orderactors login</c> keeps: the server signed in to, the user, the access token and when it expires.</summary>
public sealed record StoredCredential(string Server, string User, string AccessToken, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether this sign-in was made at <paramref name="server"/> (same scheme, host, port and path).</summary>
    public bool IsFor(Uri server) => Uri.TryCreate(Server, UriKind.Absolute, out Uri? stored) && Key(stored) == Key(server);

    /// <summary>"http://127.0.0.1:5080/": how a server is written down, so that "…:5080" and "…:5080/" are one server.</summary>
    public static string Key(Uri server) => server.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";

    /// <summary>Never the token: a record would print every property.</summary>
    public override string ToString() => $"{User} at {Server} until {ExpiresAt:O}";
}
