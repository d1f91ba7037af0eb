using System.Diagnostics;
using System.Runtime.Versioning;
using OrderActors.Cli.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Cli.Tests;

/// <summary>The built orderactors.dll as a real process: its own entry point, console, environment and exit code.</summary>
[Collection(SiloCollection.Name)]
public sealed class ProcessTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task TheBuiltCliRunsAsAProcessAgainstTheServerNamedByTheEnvironment()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        var environment = new Dictionary<string, string?> { ["ORDERACTORS_SERVER"] = demo.Server.ToString(), ["ORDERACTORS_TOKEN"] = demo.AdminKey };

        (int exitCode, string output, string error) = await RunProcessAsync(environment, null, "warehouse", "list", "--tenant", demo.Tenant);
        (int missingExit, _, string missingError) = await RunProcessAsync(environment, null, "order", "show", "jd-404", "--tenant", demo.Tenant);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("WH-HZ      杭州冷链仓", lines[4], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.Equal(3, missingExit);
        Assert.Contains("Order jd-404 does not exist.", missingError, StringComparison.Ordinal);
    }

    [PostgresFact]
    [UnsupportedOSPlatform("windows")]
    public async Task APasswordPipedToLoginSignsInTheNextProcessesUntilLogout()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        using var home = new ConfigHome();
        Dictionary<string, string?> environment = home.Environment;
        environment["ORDERACTORS_SERVER"] = demo.Server.ToString();

        (int loginExit, string loginOutput, string loginError) = await RunProcessAsync(environment, silo.Host.AdminPassword + "\n", "login", "--user", "admin", "--password-stdin");
        UnixFileMode mode = File.GetUnixFileMode(home.CredentialsFile);
        (int listExit, _, string listError) = await RunProcessAsync(environment, null, "warehouse", "list", "--tenant", demo.Tenant);
        (int logoutExit, _, _) = await RunProcessAsync(environment, null, "logout");
        (int afterExit, _, string afterError) = await RunProcessAsync(environment, null, "warehouse", "list", "--tenant", demo.Tenant);

        Assert.True(loginExit == 0, $"exit {loginExit}: {loginError}");
        Assert.DoesNotContain(silo.Host.AdminPassword, loginOutput + loginError, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.True(listExit == 0, $"exit {listExit}: {listError}");
        Assert.Equal(0, logoutExit);
        Assert.Equal(6, afterExit);
        Assert.Contains("not signed in: run orderactors login", afterError, StringComparison.Ordinal);
    }

    /// <param name="environment">Set, or with a null value removed, over the test process's own environment.</param>
    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(
        IReadOnlyDictionary<string, string?> environment, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "orderactors.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // A developer's own token must not stand in for the one the test means.
        start.Environment.Remove("ORDERACTORS_TOKEN");
        foreach ((string name, string? value) in environment)
        {
            start.Environment[name] = value;
        }
        using Process process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
