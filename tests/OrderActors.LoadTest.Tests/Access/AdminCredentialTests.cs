using System.Text.Json;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Hub;

namespace OrderActors.LoadTest.Tests.Access;

public sealed class AdminCredentialTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("oa-loadtest-admin-");

    [Fact]
    public void TheBootstrapAdminFilesApiKeyIsTheBearerAndItsSourceIsNamed()
    {
        string path = Write("admin.json", """{ "user": "admin", "password": "correct horse battery", "apiKey": "oak_b00t_s3cret" }""");

        AdminCredential credential = AdminCredential.FromFile(path);

        Assert.Equal("Bearer oak_b00t_s3cret", credential.Read().Header().ToString());
        Assert.Equal($"--admin-file {path}", credential.Source);
    }

    [Fact]
    public void TheFileIsReadWhenTheRunStartsNotWhenTheFlagsAreParsed()
    {
        string path = Path.Combine(_directory.FullName, "admin.json");
        AdminCredential credential = AdminCredential.FromFile(path);

        Write("admin.json", """{ "user": "admin", "password": "p", "apiKey": "oak_later_key" }""");

        Assert.Equal("oak_later_key", credential.Read().Header().Parameter);
    }

    [Fact]
    public void AMissingAdminFileSaysWhereASiloWritesItAndWhatElseWorks()
    {
        string path = Path.Combine(_directory.FullName, "nowhere", "admin.json");

        var failure = Assert.Throws<SetupFailedException>(() => AdminCredential.FromFile(path).Read());

        Assert.Contains(path, failure.Message);
        Assert.Contains("Access:DataDirectory", failure.Message);
        Assert.Contains("ORDERACTORS_TOKEN", failure.Message);
    }

    [Theory]
    [InlineData("""{ "user": "admin", "password": "p" }""", "has no \"apiKey\"")]
    [InlineData("""{ "user": "admin", "apiKey": "" }""", "has no \"apiKey\"")]
    [InlineData("""["oak_x"]""", "has no \"apiKey\"")]
    [InlineData("user=admin\napiKey=oak_x", "is not JSON (line 1)")]
    public void AFileThatIsNotTheBootstrapAdminFileIsRefusedNamingIt(string text, string why)
    {
        string path = Write("other.json", text);

        var failure = Assert.Throws<SetupFailedException>(() => AdminCredential.FromFile(path).Read());

        Assert.Equal($"{path} {why}: expected the bootstrap admin file {{ \"user\", \"password\", \"apiKey\" }}", failure.Message);
        Assert.DoesNotContain("oak_x", failure.Message);
    }

    [Fact]
    public void AGivenTokenLosesTheNewlineAVariableReadFromAFileCarries()
    {
        Assert.Equal("oak_k_s", AdminCredential.FromToken("oak_k_s\n", "ORDERACTORS_TOKEN").Read().Header().Parameter);
    }

    [Fact]
    public void NoCredentialShowsItsSecretWhenPrintedOrSerialized()
    {
        var token = new BearerToken("oak_k_topsecret");
        LoadTestOptions options = LoadTestOptions.Quick([new Uri("http://hub")], "lt", AdminCredential.FromToken("oak_admin_topsecret", "--admin-token"));

        Assert.Equal("(hidden)", token.ToString());
        Assert.DoesNotContain("topsecret", JsonSerializer.Serialize(token));
        Assert.DoesNotContain("topsecret", options.ToString());
        Assert.DoesNotContain("topsecret", new HubClientOptions([new Uri("http://hub")], "lt", 1, TimeSpan.FromSeconds(1)) { Credential = token }.ToString());
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
