using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderActors.Silo.Access;
using OrderActors.Silo.TestHost;
using OrderActors.Silo.Tests.Support;
using OrderActors.Testing;
using Serilog;

namespace OrderActors.Silo.Tests.Access;

/// <summary>The first start's admin, what the log may say about it, and the UI's security headers.</summary>
public sealed class BootstrapTests
{
    [PostgresFact]
    public async Task TheFirstStartWritesAnOwnerOnlyAdminFileWhoseSecretsWorkAndNeverReachTheLog()
    {
        string log = Path.Combine(Path.GetTempPath(), $"oa-bootstrap-{Guid.NewGuid():N}.log");
        // Everything the silo logs, down to the authentication handlers' debug lines, into one file.
        SiloHost host = await SiloHost.StartAsync(services: services => services.AddSerilog(
            new LoggerConfiguration().MinimumLevel.Debug().WriteTo.File(log).CreateLogger(), dispose: true));
        string file = Path.Combine(host.DataDirectory, "admin.json");
        JsonNode admin = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        string token = await Principals.LoginAsync(host, "admin", admin["password"]!.GetValue<string>());
        using HttpClient bearer = host.ClientWith(token);
        using HttpClient keyed = host.ClientWith(admin["apiKey"]!.GetValue<string>());
        using HttpResponseMessage byToken = await bearer.GetAsync("/api/v1/users");
        using HttpResponseMessage byKey = await keyed.GetAsync("/api/v1/cluster");
        using HttpResponseMessage wrong = await host.ClientWith(null).PostAsJsonAsync("/api/v1/auth/login", new { user = "admin", password = "guessed-password" });
        bool ownerOnly = OperatingSystem.IsWindows() || File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await host.DisposeAsync();
        string written = await File.ReadAllTextAsync(log);
        File.Delete(log);

        Assert.True(ownerOnly, "admin.json is mode 600");
        Assert.Equal("admin", admin["user"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains(file, written, StringComparison.Ordinal);
        Assert.DoesNotContain(admin["password"]!.GetValue<string>(), written, StringComparison.Ordinal);
        Assert.DoesNotContain(admin["apiKey"]!.GetValue<string>()[^20..], written, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], written, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed-password", written, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task SilosStartingTogetherOnAnEmptyUserTableCreateExactlyOneFirstUser()
    {
        await using SiloHost host = await SiloHost.StartAsync();
        await using var data = NpgsqlDataSource.Create(host.DatabaseConnectionString);
        await using (NpgsqlCommand empty = data.CreateCommand("DELETE FROM access_users"))
        {
            await empty.ExecuteNonQueryAsync();
        }
        var store = new PostgresAccessStore(data);

        bool[] created = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.CreateFirstUserAsync($"admin-{i}", "hash", ["admin"], ["*"]))));

        Assert.Single(created, c => c);
        Assert.Single(await store.ListUsersAsync());
    }

    [Fact]
    public async Task AStartWithUsersWritesNoAdminFile()
    {
        var store = new MemoryAccessStore(TimeProvider.System);
        string directory = Directory.CreateTempSubdirectory("oa-bootstrap-").FullName;
        var options = Microsoft.Extensions.Options.Options.Create(new AccessOptions { DataDirectory = directory });
        var bootstrap = new AdminBootstrap(store, options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AdminBootstrap>.Instance);

        await bootstrap.StartAsync(CancellationToken.None);
        string first = await File.ReadAllTextAsync(Path.Combine(directory, "admin.json"));
        await bootstrap.StartAsync(CancellationToken.None);
        string second = await File.ReadAllTextAsync(Path.Combine(directory, "admin.json"));
        Directory.Delete(directory, recursive: true);

        Assert.Equal(first, second);
        Assert.Single(await store.ListUsersAsync());
        Assert.Single(await store.ListApiKeysAsync());
    }

    [Fact]
    public async Task ResetAdminGivesTheAdminANewPasswordAndKeyAndTheOldPasswordStopsWorking()
    {
        var store = new MemoryAccessStore(TimeProvider.System);
        string directory = Directory.CreateTempSubdirectory("oa-bootstrap-").FullName;
        string file = Path.Combine(directory, "admin.json");
        await Bootstrap(store, new AccessOptions { DataDirectory = directory }).StartAsync(CancellationToken.None);
        string before = JsonNode.Parse(await File.ReadAllTextAsync(file))!["password"]!.GetValue<string>();

        await Bootstrap(store, new AccessOptions { DataDirectory = directory, ResetAdmin = true }).StartAsync(CancellationToken.None);
        string after = JsonNode.Parse(await File.ReadAllTextAsync(file))!["password"]!.GetValue<string>();
        var signIn = new SignIn(store, Microsoft.Extensions.Options.Options.Create(new AccessOptions()), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SignIn>.Instance);
        SignInResult old = await signIn.CheckAsync("admin", before);
        SignInResult current = await signIn.CheckAsync("admin", after);
        Directory.Delete(directory, recursive: true);

        Assert.NotEqual(before, after);
        Assert.IsType<SignInResult.WrongCredentials>(old);
        Assert.IsType<SignInResult.Success>(current);
        Assert.Equal(2, (await store.ListApiKeysAsync()).Count);
    }

    private static AdminBootstrap Bootstrap(IAccessStore store, AccessOptions options) =>
        new(store, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AdminBootstrap>.Instance);

    [PostgresFact]
    public async Task TheUiIsServedWithAContentSecurityPolicyWithoutInlineScriptAndApiAnswersAreNotCached()
    {
        await using SiloHost host = await SiloHost.StartAsync();
        using HttpClient anonymous = host.ClientWith(null);

        using HttpResponseMessage page = await anonymous.GetAsync("/");
        using HttpResponseMessage api = await host.Client.GetAsync("/api/v1/dashboard");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        string csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(api.Headers.CacheControl?.NoStore);
    }
}
