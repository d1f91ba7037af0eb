using System.Text;
using OrderActors.Cli.Access;
using OrderActors.Cli.Output;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests.Access;

/// <summary>Which token a command sends: --token, else ORDERACTORS_TOKEN, else the stored sign-in for this server while it lasts.</summary>
public sealed class CredentialTests : IDisposable
{
    private static readonly Uri Server = new("http://127.0.0.1:5080");
    private static readonly DateTimeOffset Now = new(2026, 1, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly ConfigHome _home = new();

    [Fact]
    public void TheTokenOptionWinsOverTheEnvironmentAndTheSignIn()
    {
        SignIn(Server, Now.AddMinutes(30));

        Credential credential = Resolve("from-option", environmentToken: "from-environment");

        Assert.Equal(("from-option", "--token"), (credential.Token, credential.Source));
    }

    [Fact]
    public void TheEnvironmentWinsOverTheSignIn()
    {
        SignIn(Server, Now.AddMinutes(30));

        Credential credential = Resolve(null, environmentToken: "from-environment");

        Assert.Equal(("from-environment", "ORDERACTORS_TOKEN"), (credential.Token, credential.Source));
    }

    [Fact]
    public void AnEmptyTokenOptionOrVariableIsNoToken()
    {
        SignIn(Server, Now.AddMinutes(30));

        Credential credential = Resolve("", environmentToken: "");

        Assert.Equal(("stored-token", "orderactors login as admin"), (credential.Token, credential.Source));
    }

    [Fact]
    public void TheSignInIsSentToTheServerItWasMadeAtWithOrWithoutATrailingSlash()
    {
        SignIn(new Uri("http://127.0.0.1:5080/"), Now.AddMinutes(30));

        Credential credential = Resolve(null, server: new Uri("http://127.0.0.1:5080"));

        Assert.Equal("stored-token", credential.Token);
        Assert.Equal(Now.AddMinutes(30), credential.ExpiresAt);
    }

    [Fact]
    public void ASignInAtAnotherServerIsNotSentAndA401SaysWhereTheSignInIs()
    {
        SignIn(new Uri("http://127.0.0.1:5081"), Now.AddMinutes(30));

        Credential credential = Resolve(null);

        Assert.Null(credential.Token);
        Assert.Equal("not signed in to http://127.0.0.1:5080/ (your sign-in is for http://127.0.0.1:5081/): run orderactors login --server http://127.0.0.1:5080/",
            credential.WhenRefused);
    }

    [Fact]
    public void AnExpiredSignInIsNotSentAndA401SaysWhenItExpired()
    {
        SignIn(Server, Now);

        Credential credential = Resolve(null);

        Assert.Null(credential.Token);
        Assert.Equal($"your sign-in expired at {Labels.Time(Now)}: run orderactors login", credential.WhenRefused);
    }

    [Fact]
    public void WithNothingAtAllA401SaysHowToSignIn()
    {
        Credential credential = Resolve(null);

        Assert.Null(credential.Token);
        Assert.Equal("not signed in: run orderactors login (or pass --token, or set ORDERACTORS_TOKEN).", credential.WhenRefused);
    }

    [Fact]
    public void AnUnreadableSignInIsNotSentAndA401NamesTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_home.CredentialsFile)!);
        File.WriteAllText(_home.CredentialsFile, "[]");

        Credential credential = Resolve(null);

        Assert.Null(credential.Token);
        Assert.StartsWith($"cannot read {_home.CredentialsFile}", credential.WhenRefused, StringComparison.Ordinal);
        Assert.EndsWith("run orderactors login to sign in again.", credential.WhenRefused, StringComparison.Ordinal);
    }

    [Fact]
    public void AJwtGivenAsATokenShowsItsOwnExpiryAndAnApiKeyNone()
    {
        string payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"sub\":\"admin\",\"exp\":1768896000}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1768896000), Resolve($"eyJhbGciOiJIUzI1NiJ9.{payload}.c2ln").ExpiresAt);
        Assert.Null(Resolve("oak_k1_s3cr3t").ExpiresAt);
    }

    [Fact]
    public void ACredentialPrintsAsItsSourceNeverItsToken()
    {
        Assert.Equal("--token", Resolve("s3cr3t-token").ToString());
    }

    private void SignIn(Uri server, DateTimeOffset expiresAt) =>
        _home.Store.Save(new StoredCredential(StoredCredential.Key(server), "admin", "stored-token", expiresAt));

    private Credential Resolve(string? option, string? environmentToken = null, Uri? server = null)
    {
        Dictionary<string, string?> variables = _home.Environment;
        variables["ORDERACTORS_TOKEN"] = environmentToken;
        return Credential.Resolve(option, new CliEnvironment(variables.GetValueOrDefault), _home.Store, server ?? Server, Now);
    }

    public void Dispose() => _home.Dispose();
}
