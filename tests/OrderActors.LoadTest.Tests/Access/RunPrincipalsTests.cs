using System.Text.RegularExpressions;
using OrderActors.LoadTest.Access;
using OrderActors.LoadTest.Cli;
using OrderActors.LoadTest.Display;
using OrderActors.LoadTest.Engine;
using OrderActors.LoadTest.Hub;
using OrderActors.LoadTest.Reporting;
using OrderActors.LoadTest.Tests.Support;

namespace OrderActors.LoadTest.Tests.Access;

/// <summary>The run's own principals (issue 14), against the fake hub, which enforces the access contract's roles.</summary>
public sealed class RunPrincipalsTests
{
    private static readonly string[] _channels = ["taobao", "jd", "pdd", "douyin", "meituan", "miniapp"];

    [Fact]
    public async Task EachChannelIsPostedWithItsOwnConnectorKeyTheRestAsOperatorAndEveryKeyIsRevokedAtTheEnd()
    {
        using var hub = new FakeHub();
        LoadTestOptions options = SmallRun.Against(hub);

        LoadTestReport report = await SmallRun.RunAsync(options);

        Assert.True(report.AuditPassed, SmallRun.Describe(report));
        string hot = $"{options.Tenant}-hot";
        Assert.Equal(
            _channels.Select(channel => $"{options.Tenant} connector:{channel}").Append($"{options.Tenant} operator").Append($"{hot} connector:miniapp").Append($"{hot} operator").Order(),
            hub.Keys.Select(key => $"{key.Tenant} {key.Role}").Order());
        Assert.All(hub.Keys, key => Assert.True(key.Revoked, $"{key.Name} was not revoked"));
        Assert.Equal(9, report.Access.Revoked);
        Assert.Empty(report.Access.NotRevoked);
        Assert.Equal(hub.Keys.Select(key => key.KeyId).Order(), report.Access.Keys.Select(key => key.KeyId).Order());
        FakeCall[] calls = hub.Calls.ToArray();
        Assert.DoesNotContain(calls, call => call.Status is 401 or 403);
        Assert.All(calls.Where(call => call.Path.StartsWith("/api/v1/channels/", StringComparison.Ordinal)),
            call => Assert.Equal($"connector:{call.Path.Split('/')[4]}", call.Caller));
        Assert.All(calls.Where(call => call.Method is "PUT" or "GET" || call.Path.EndsWith("/breaker/trip", StringComparison.Ordinal)),
            call => Assert.Equal("operator", call.Caller));
        Assert.All(calls.Where(call => call.Caller == "admin"), call => Assert.StartsWith("/api/v1/api-keys", call.Path));
        Assert.Equal(18, calls.Count(call => call.Caller == "admin"));
    }

    [Fact]
    public async Task NoKeyAndNotTheAdminCredentialReachesTheReportOrTheConsole()
    {
        using var hub = new FakeHub();
        var console = new StringWriter();

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Against(hub) with { HotSkuOrders = 0 }, new PlainLineDisplay(console, TimeSpan.FromSeconds(1)));

        string[] written = [JsonReportWriter.Write(report), MarkdownReportWriter.Write(report), HtmlReportWriter.Write(report), console.ToString()];
        string[] secrets = [hub.AdminKey, .. hub.Keys.Select(key => key.Secret)];
        Assert.Equal(8, secrets.Length);
        Assert.All(written, text => Assert.All(secrets, secret => Assert.DoesNotContain(secret, text)));
        Assert.All(written, text => Assert.DoesNotMatch(new Regex("oak_k\\d+_"), text));
        Assert.Contains("7 API keys revoked", console.ToString());
    }

    [Fact]
    public async Task WhenTheRunFailsAfterItsKeysWereCreatedTheyAreRevokedAnyway()
    {
        using var hub = new FakeHub(new FakeHubFaults(RefuseSetup: true));

        var failure = await Assert.ThrowsAsync<SetupFailedException>(() => SmallRun.RunAsync(SmallRun.Against(hub)));

        Assert.StartsWith("PUT /api/v1/warehouses/", failure.Message);
        Assert.Equal(9, hub.Keys.Count);
        Assert.All(hub.Keys, key => Assert.True(key.Revoked, $"{key.Name} was not revoked"));
    }

    [Fact]
    public async Task WhenTheHubRefusesAKeyTheOnesAlreadyCreatedAreRevokedAndNothingRuns()
    {
        using var hub = new FakeHub(new FakeHubFaults(RefuseKeysAfter: 3));

        var failure = await Assert.ThrowsAsync<SetupFailedException>(() => SmallRun.RunAsync(SmallRun.Against(hub)));

        Assert.Contains("POST /api/v1/api-keys", failure.Message);
        Assert.Contains("HTTP 500", failure.Message);
        Assert.Equal(3, hub.Keys.Count);
        Assert.All(hub.Keys, key => Assert.True(key.Revoked, $"{key.Name} was not revoked"));
        Assert.DoesNotContain(hub.Calls, call => call.Method == "PUT" || call.Path.StartsWith("/api/v1/channels/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACredentialTheHubDoesNotKnowFailsTheSetupNamingWhereItCameFrom()
    {
        using var hub = new FakeHub();
        LoadTestOptions options = SmallRun.Against(hub) with { Admin = AdminCredential.FromToken("oak_stale_key", LoadTestCommand.TokenVariable) };

        var failure = await Assert.ThrowsAsync<SetupFailedException>(() => SmallRun.RunAsync(options));

        Assert.Contains("admin credential from ORDERACTORS_TOKEN", failure.Message);
        Assert.Contains("HTTP 401", failure.Message);
        Assert.DoesNotContain("oak_stale_key", failure.Message);
        Assert.Empty(hub.Keys);
    }

    [Fact]
    public async Task RateLimitedRequestsAreCountedApartShownWithTheirRetryAfterAndNeverRetried()
    {
        using var hub = new FakeHub(new FakeHubFaults(RateLimitEvery: 9));

        LoadTestReport report = await SmallRun.RunAsync(SmallRun.Against(hub) with { HotSkuOrders = 0 });

        FakeCall[] intake = hub.Calls.Where(call => call.Path.StartsWith("/api/v1/channels/", StringComparison.Ordinal)).ToArray();
        long answered429 = intake.Count(call => call.Status == 429);
        Assert.True(answered429 > 0);
        Assert.Equal(answered429, report.RateLimited);
        Assert.Equal(answered429, report.Ours.Traffic.Phases.Sum(phase => phase.RateLimited));
        Assert.Equal(intake.Length, report.Ours.Traffic.Phases.Sum(phase => phase.Requests.Values.Sum(kind => kind.Issued)));
        Assert.Equal(0, report.Ours.Traffic.Phases.Sum(phase => phase.Errors));
        Assert.True(report.AuditPassed, SmallRun.Describe(report));
        Assert.Contains($"{answered429} turned away by the hub's rate limit (429)", report.AuditLines.Single(line => line.Name == "requests").Detail);
        Assert.Contains(report.Ours.Traffic.Problems.Keys, reason => reason.EndsWith("429: HTTP 429: Try again in 1 s. (Retry-After 1 s)", StringComparison.Ordinal));
    }
}
