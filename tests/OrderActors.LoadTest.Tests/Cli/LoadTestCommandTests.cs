using System.CommandLine;
using OrderActors.LoadTest.Cli;
using OrderActors.LoadTest.Engine;

namespace OrderActors.LoadTest.Tests.Cli;

public sealed class LoadTestCommandTests
{
    private static readonly Func<string, string?> _withToken = name => name == LoadTestCommand.TokenVariable ? "oak_from_env" : null;

    [Fact]
    public void QuickIsTheScaledDownPresetWithASpikeOfFourTimesTheBaseline()
    {
        LoadTestOptions options = Bind("--quick", "--baseline", "--baseline-pg", "Host=x");

        Assert.Equal("quick", options.Mode);
        Assert.Equal(4 * options.Phase(PhaseSpec.Baseline).RatePerSecond, options.Phase(PhaseSpec.Spike).RatePerSecond);
        Assert.True(options.Phases.Sum(phase => phase.Duration.TotalSeconds) < 60);
        Assert.True(options.Baseline);
        Assert.Equal([new Uri("http://127.0.0.1:5090")], options.Servers);
    }

    [Fact]
    public void GivenFiguresOverrideThePresetAndTheSpikeFollowsANewBaselineRate()
    {
        LoadTestOptions options = Bind(
            "--server", "http://a:5081", "--server", "http://b:5082", "--baseline-rate", "30", "--spike-seconds", "20", "--warmup-seconds", "0",
            "--clients", "7", "--trip-at", "10", "--trip-warehouse", "WH-SH", "--kill-silo", ".cluster/silo-2.pid", "--out", "/tmp/r", "--tenant", "t1",
            "--watch-pg", "Host=h;Database=hub");

        Assert.Equal(["baseline", "spike", "recovery"], options.Phases.Select(phase => phase.Name));
        Assert.Equal([30.0, 120.0, 30.0], options.Phases.Select(phase => phase.RatePerSecond));
        Assert.Equal(TimeSpan.FromSeconds(20), options.Phase(PhaseSpec.Spike).Duration);
        Assert.Equal(2, options.Servers.Count);
        Assert.Equal((7, 10.0, "WH-SH", ".cluster/silo-2.pid", "/tmp/r", "t1"), (options.Clients, options.TripAt!.Value, options.TripWarehouse, options.KillSiloPidFile, options.OutputDirectory, options.Tenant));
        Assert.Equal("full+custom", options.Mode);
        Assert.Equal("Host=h;Database=hub", options.WatchPg);
    }

    [Theory]
    [InlineData("--trip-at", "5")]
    [InlineData("--baseline")]
    [InlineData("--server", "ftp://x")]
    [InlineData("--admin-token", "t", "--admin-file", "admin.json")]
    public void InconsistentFlagsAreRefused(params string[] args)
    {
        Assert.NotEmpty(Parse(_withToken, args).Errors);
    }

    [Fact]
    public void TheAdminFileIsTheCredentialWhenGivenEvenWithATokenInTheEnvironment()
    {
        LoadTestOptions options = Bind(_withToken, "--admin-file", ".data/loadtest/admin.json");

        Assert.Equal("--admin-file .data/loadtest/admin.json", options.Admin.Source);
    }

    [Fact]
    public void AGivenTokenWinsOverTheEnvironment()
    {
        LoadTestOptions options = Bind(_withToken, "--admin-token", "oak_given");

        Assert.Equal(("--admin-token", "oak_given"), (options.Admin.Source, options.Admin.Read().Header().Parameter));
    }

    [Fact]
    public void WithoutAFlagTheTokenComesFromOrderActorsToken()
    {
        LoadTestOptions options = Bind(_withToken);

        Assert.Equal(("ORDERACTORS_TOKEN", "oak_from_env"), (options.Admin.Source, options.Admin.Read().Header().Parameter));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void WithoutAnyAdminCredentialTheRunIsRefusedSayingWhatToGive(string? variable)
    {
        ParseResult parse = Parse(_ => variable, "--quick");

        string error = Assert.Single(parse.Errors).Message;
        Assert.Contains("--admin-file", error);
        Assert.Contains("--admin-token", error);
        Assert.Contains("ORDERACTORS_TOKEN", error);
    }

    private static ParseResult Parse(Func<string, string?> environment, params string[] args) =>
        LoadTestCommand.Create((_, _) => Task.FromResult(0), environment).Parse(args);

    private static LoadTestOptions Bind(params string[] args) => Bind(_withToken, args);

    private static LoadTestOptions Bind(Func<string, string?> environment, params string[] args)
    {
        ParseResult parse = Parse(environment, args);
        Assert.Empty(parse.Errors);
        return LoadTestCommand.Bind(parse, environment);
    }
}
