using OrderActors.LoadTest;
using OrderActors.LoadTest.Cli;
using OrderActors.LoadTest.Display;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Reporting;

return await LoadTestCommand.Create(RunAsync).Parse(args).InvokeAsync();

static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
{
    IProgressDisplay display = ProgressDisplays.ForConsole();
    try
    {
        LoadTestReport report = await new LoadTestRunner(options, display).RunAsync(cancellationToken);
        IReadOnlyList<string> files = await ReportFiles.WriteAsync(report, options.OutputDirectory, cancellationToken);
        foreach (AuditLine line in report.AuditLines)
        {
            display.Stage($"{(line.Passed ? "PASS" : "FAIL")} {line.Name}: {line.Detail}");
        }
        display.Stage($"report: {string.Join(", ", files)}");
        return report.AuditPassed ? 0 : 1;
    }
    catch (SetupFailedException exception)
    {
        display.Stage($"setup failed: {exception.Message}");
        return 2;
    }
    catch (HttpRequestException exception)
    {
        display.Stage($"cannot reach the hub: {exception.Message}");
        return 2;
    }
}
