using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderActors.Cli.Commands;
using OrderActors.Cli.Output;
using OrderActors.Cli.Tests.Support;

namespace OrderActors.Cli.Tests;

/// <summary>The --line syntax of return create and return receive, and money in yuan: no server needed.</summary>
public sealed class ReturnLineTests
{
    [Theory]
    [InlineData("create", "TEA-LONGJING")]
    [InlineData("create", "TEA-LONGJING:0")]
    [InlineData("create", "TEA-LONGJING:-1")]
    [InlineData("create", "TEA-LONGJING:two")]
    [InlineData("create", ":2")]
    [InlineData("receive", "TEA-LONGJING:0:0")]
    [InlineData("receive", "TEA-LONGJING:1:x")]
    [InlineData("receive", "TEA-LONGJING: 1")]
    public async Task ABadLineIsAUsageErrorAndNothingIsSent(string command, string line)
    {
        int requests = 0;
        await using StubHub hub = await StubHub.StartAsync(routes => routes.Map("/{**path}", () =>
        {
            Interlocked.Increment(ref requests);
            return Results.Json(new { });
        }));
        string[] args = command == "create"
            ? ["return", "create", "miniapp-DEMO-0001", "--kind", "return", "--line", line, "--reason", "坏了"]
            : ["return", "receive", "miniapp-DEMO-0001-R1", "--line", line];

        CliRun run = await hub.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--line '{line}' is not SKU:", run.Error, StringComparison.Ordinal);
        Assert.Contains($"see 'orderactors return {command} --help'", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, requests);
    }

    [Fact]
    public async Task AnUnknownKindIsAUsageError()
    {
        CliRun run = await CliRun.InProcessAsync(CliConsoleKind.Redirected,
            "return", "create", "miniapp-DEMO-0001", "--kind", "swap", "--line", "TEA:1", "--reason", "坏了", "--server", "http://127.0.0.1:9");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'swap'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TEA-LONGJING:2", "TEA-LONGJING", 2)]
    [InlineData("TEA:GREEN:1", "TEA:GREEN", 1)]
    public void AReturnedLineIsTheSkuAndTheCountAfterItsLastColon(string text, string sku, int quantity)
    {
        Assert.Equal(new ReturnedUnits(sku, quantity), ReturnLineOptions.ParseReturned(text));
    }

    [Theory]
    [InlineData("TEA-LONGJING:2", "TEA-LONGJING", 2, 0)]
    [InlineData("TEA-LONGJING:1:1", "TEA-LONGJING", 1, 1)]
    [InlineData("TEA-LONGJING:0:3", "TEA-LONGJING", 0, 3)]
    [InlineData("TEA:GREEN:2", "TEA:GREEN", 2, 0)]
    [InlineData("TEA:5:2:1", "TEA:5", 2, 1)]
    public void AReceivedLineIsTheSkuThenGoodThenDamagedUnits(string text, string sku, int good, int damaged)
    {
        Assert.Equal(new ReceivedUnits(sku, good, damaged), ReturnLineOptions.ParseReceived(text));
    }

    [Theory]
    [InlineData(12500L, "¥125.00")]
    [InlineData(5L, "¥0.05")]
    [InlineData(1999L, "¥19.99")]
    [InlineData(-1050L, "-¥10.50")]
    [InlineData(900719925474099301L, "¥9007199254740993.01")]
    public void RefundFenPrintAsYuanWithTwoDecimalsExactly(long fen, string yuan)
    {
        Assert.Equal(yuan, Labels.Money(fen));
    }
}
