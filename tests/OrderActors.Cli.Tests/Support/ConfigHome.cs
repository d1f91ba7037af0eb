using OrderActors.Cli.Access;

namespace OrderActors.Cli.Tests.Support;

/// <summary>A fresh XDG_CONFIG_HOME of one test, removed with it: where its sign-in is kept.</summary>
public sealed class ConfigHome : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("oa-cli-config-").FullName;

    public Dictionary<string, string?> Environment => new() { ["XDG_CONFIG_HOME"] = Path };

    public CredentialStore Store => CredentialStore.For(new CliEnvironment(Environment.GetValueOrDefault));

    public string CredentialsFile => System.IO.Path.Combine(Path, "orderactors", "credentials.json");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
