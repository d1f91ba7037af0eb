using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderActors.Cli.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Cli.Tests;

[Collection(SiloCollection.Name)]
public sealed partial class WarehouseCommandTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task WarehouseListPrintsATableRowPerWarehouseWithItsBreaker()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunAsync("warehouse", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("Warehouse  Name 名称", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(["WH-BJ", "WH-CD", "WH-GZ", "WH-HZ", "WH-NJ", "WH-SH"], run.OutputLines[1..].Select(l => l.Split(' ')[0]));
        string[] hangzhou = run.Row("WH-HZ");
        Assert.Equal(("杭州冷链仓", "华东", "冷链", "Closed 正常"), (hangzhou[1], hangzhou[2], hangzhou[3], hangzhou[4]));
        Assert.DoesNotContain('\u001b', run.Output);
    }

    [PostgresFact]
    public async Task WarehouseListWithJsonPrintsTheServersJsonVerbatim()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string served = await demo.Api.GetStringAsync("/api/v1/warehouses");

        CliRun run = await demo.RunAsync("warehouse", "list", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(served, run.Output.TrimEnd('\n'));
    }

    [PostgresFact]
    public async Task OnATerminalWarehouseListIsABorderedTable()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunOnTerminalAsync("warehouse", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.OutputLines.Select(l => Ansi().Replace(l, "")).ToArray();
        Assert.StartsWith("╭", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("╰", lines[^1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("│ WH-HZ ", StringComparison.Ordinal) && l.Contains("│ 杭州", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task TripPrintsTheReroutedCountsAndLeavesTheBreakerOpen()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string warehouse = await BusiestWarehouseAsync(demo);
        int allocatedThere = (await demo.OrderIdsAsync($"warehouseId={warehouse}")).Length;

        CliRun trip = await demo.RunAsync("warehouse", "trip", warehouse, "--reason", "冷机故障");
        CliRun show = await demo.RunAsync("warehouse", "show", warehouse);

        Assert.True(trip.ExitCode == 0, trip.ToString());
        Assert.Equal("Open 熔断", trip.Field("Breaker 熔断器"));
        int rerouted = int.Parse(trip.Field("Rerouted 已改派"), System.Globalization.CultureInfo.InvariantCulture);
        int unroutable = int.Parse(trip.Field("Unroutable 无法改派"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("0", trip.Field("Pending 处理中"));
        Assert.Equal("0", trip.Field("Not affected 已不在该仓"));
        Assert.True(rerouted > 0, trip.ToString());
        Assert.Equal(allocatedThere.ToString(System.Globalization.CultureInfo.InvariantCulture), trip.Field("Affected 涉及"));
        Assert.Equal(allocatedThere, rerouted + unroutable);
        Assert.Equal(rerouted, (await demo.GetAsync($"/api/v1/warehouses/{warehouse}"))["reroutedOrders"]!.GetValue<int>());
        Assert.Equal(("Open 熔断", "冷机故障"), (show.Field("Breaker 熔断器"), show.Field("Breaker reason")));
        Assert.Empty(await demo.OrderIdsAsync($"warehouseId={warehouse}"));
    }

    [PostgresFact]
    public async Task ResetClosesATrippedBreaker()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        Assert.Equal(0, (await demo.RunAsync("warehouse", "trip", "WH-BJ", "--reason", "inventory count")).ExitCode);

        CliRun reset = await demo.RunAsync("warehouse", "reset", "WH-BJ");

        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.Equal("WH-BJ breaker: Closed 正常", reset.OutputLines.Single());
        Assert.Equal("Closed", (await demo.GetAsync("/api/v1/warehouses/WH-BJ"))["breaker"]!["state"]!.GetValue<string>());
    }

    [PostgresFact]
    public async Task AnUnknownWarehouseIsExitCode3WithTheServersDetail()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunAsync("warehouse", "trip", "WH-NOWHERE", "--reason", "test");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Contains("WH-NOWHERE is not defined", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Ansi();

    private static async Task<string> BusiestWarehouseAsync(DemoTenant demo)
    {
        JsonArray items = (await demo.GetAsync("/api/v1/orders?status=Allocated&pageSize=200"))["items"]!.AsArray();
        return items.SelectMany(o => o!["warehouseIds"]!.AsArray().Select(w => w!.GetValue<string>()))
            .GroupBy(w => w).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }
}
