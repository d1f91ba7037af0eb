using System.Runtime.Versioning;
using OrderActors.Cli.Access;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests.Access;

/// <summary>Where the sign-in is kept, that only its owner can read it, and that it is replaced whole.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class CredentialStoreTests : IDisposable
{
    private static readonly StoredCredential Admin =
        new("http://127.0.0.1:5080/", "admin", "eyJ.header.signature", new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

    private readonly ConfigHome _home = new();

    [Fact]
    public void TheSignInLivesUnderXdgConfigHome()
    {
        Assert.Equal(_home.CredentialsFile, _home.Store.FilePath);
    }

    [Fact]
    public void WithoutXdgConfigHomeItLivesUnderHomeDotConfig()
    {
        CredentialStore store = CredentialStore.For(new CliEnvironment(name => name == "HOME" ? "/home/wang" : null));

        Assert.Equal("/home/wang/.config/orderactors/credentials.json", store.FilePath);
    }

    [Fact]
    public void WithNeitherThereIsNowhereToKeepItAndSavingSaysSo()
    {
        CredentialStore store = CredentialStore.For(new CliEnvironment(_ => null));

        Assert.Null(store.FilePath);
        Assert.Null(store.Load());
        var refused = Assert.Throws<CredentialStoreException>(() => store.Save(Admin));
        Assert.Contains("neither XDG_CONFIG_HOME nor HOME is set", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASavedSignInIsReadBackAsItWas()
    {
        _home.Store.Save(Admin);

        Assert.Equal(Admin, _home.Store.Load());
    }

    [Fact]
    public void TheFileIsMode600AndItsDirectory700()
    {
        _home.Store.Save(Admin);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_home.CredentialsFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(_home.CredentialsFile)!));
    }

    [Fact]
    public void ADirectoryThatOthersCouldReadIsClosedToThem()
    {
        string directory = Path.GetDirectoryName(_home.CredentialsFile)!;
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        _home.Store.Save(Admin);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
    }

    [Fact]
    public void ANewSignInReplacesTheOldWholeAndLeavesNoTemporaryFile()
    {
        _home.Store.Save(Admin);
        File.SetUnixFileMode(_home.CredentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        StoredCredential viewer = Admin with { User = "viewer", AccessToken = "eyJ.other.token" };

        _home.Store.Save(viewer);

        Assert.Equal(viewer, _home.Store.Load());
        // Renamed over the old file, not written into it: the old file's looser mode went with it.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_home.CredentialsFile));
        Assert.Equal(["credentials.json"], Directory.GetFiles(Path.GetDirectoryName(_home.CredentialsFile)!).Select(Path.GetFileName));
    }

    [Fact]
    public void AFileThatIsNotASignInCannotBeReadAndSaysWhichFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_home.CredentialsFile)!);
        File.WriteAllText(_home.CredentialsFile, "{ not json");

        var unreadable = Assert.Throws<CredentialStoreException>(() => _home.Store.Load());

        Assert.StartsWith($"cannot read {_home.CredentialsFile}", unreadable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeleteRemovesTheSignInAndSaysWhetherThereWasOne()
    {
        _home.Store.Save(Admin);

        Assert.True(_home.Store.Delete());
        Assert.False(File.Exists(_home.CredentialsFile));
        Assert.False(_home.Store.Delete());
        Assert.Null(_home.Store.Load());
    }

    [Fact]
    public void ASignInPrintsWithoutItsToken()
    {
        Assert.DoesNotContain(Admin.AccessToken, Admin.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _home.Dispose();
}
