using System.Text.Json.Nodes;
using OrderActors.Cli.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Cli.Tests;

[Collection(SiloCollection.Name)]
public sealed class AuditAndHealthTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task TheAuditOfAConsistentTenantIsOkWithExitCode0()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        Assert.Equal(0, (await demo.RunAsync("order", "cancel", (await demo.OrderIdsAsync("status=Allocated"))[0])).ExitCode);

        CliRun run = await demo.RunAsync("audit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("ok 通过", "0", "0"), (run.Field("Audit 审计"), run.Field("Oversold 超卖"), run.Field("Negative stock 负库存")));
        Assert.True(int.Parse(run.Field("Stock buckets checked"), System.Globalization.CultureInfo.InvariantCulture) > 0, run.ToString());
    }

    [PostgresFact]
    public async Task HealthOfARunningSiloIsReadyWithItsChecks()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunAsync("health");
        CliRun json = await demo.RunAsync("health", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("ok 存活", "Healthy 就绪"), (run.Field("Live /healthz"), run.Field("Ready /readyz")));
        Assert.Equal("Healthy", run.Row("storage")[1]);
        Assert.True(json.ExitCode == 0, json.ToString());
        JsonNode body = JsonNode.Parse(json.Output)!;
        Assert.Equal(("ok", "Healthy"), (body["healthz"]!["status"]!.GetValue<string>(), body["readyz"]!["checks"]!["storage"]!["status"]!.GetValue<string>()));
    }
}
