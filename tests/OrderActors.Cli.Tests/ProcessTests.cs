using System.Diagnostics;
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

        (int exitCode, string output, string error) = await RunProcessAsync(demo.Server, "warehouse", "list", "--tenant", demo.Tenant);
        (int missingExit, _, string missingError) = await RunProcessAsync(demo.Server, "order", "show", "jd-404", "--tenant", demo.Tenant);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("WH-HZ      杭州冷链仓", lines[4], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.Equal(3, missingExit);
        Assert.Contains("Order jd-404 does not exist.", missingError, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(Uri server, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "orderactors.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ORDERACTORS_SERVER"] = server.ToString();
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
