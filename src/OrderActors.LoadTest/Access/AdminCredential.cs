namespace OrderActors.LoadTest.Access;

/// <summary>
/// The admin credential the run creates its own principals with: a token given on the command line
/// (<c>--admin-token</c>) or in <c>ORDERACTORS_TOKEN</c>, or the API key of a bootstrap admin.json
/// (<c>--admin-file</c>), read when the run starts. <see cref="Source"/> says which, never the secret.
/// </summary>
public sealed class AdminCredential
{
    private readonly BearerToken? _token;
    private readonly string? _file;

    private AdminCredential(BearerToken? token, string? file, string source)
    {
        _token = token;
        _file = file;
        Source = source;
    }

    /// <summary>Where the credential came from: "--admin-token", "ORDERACTORS_TOKEN" or "--admin-file PATH".</summary>
    public string Source { get; }

    /// <summary>A token as given; surrounding whitespace (a newline from a file read into a variable) is not part of it.</summary>
    public static AdminCredential FromToken(string token, string source) => new(new BearerToken(token.Trim()), file: null, source);

    public static AdminCredential FromFile(string path) => new(token: null, path, $"--admin-file {path}");

    /// <summary>The bearer to send: the token, or the admin file's API key (read now, so a file written after the flags were parsed counts).</summary>
    public BearerToken Read() => _token ?? AdminFile.ReadApiKey(_file!);

    public override string ToString() => Source;
}
